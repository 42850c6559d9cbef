/**
 * Generates the CustomResourceDefinition of every kind the connector plugins on the class path declare, from their
 * {@link io.triggermesh.aws.spi.KindDescriptor}s and spec types: an OpenAPI v3 structural schema built from the
 * Jackson-annotated records (names, types, {@code @JsonPropertyDescription}) plus the optional schema hints of
 * {@code io.triggermesh.aws.spi.api} (required fields, patterns, allowed values, rules between fields). Plugins are
 * found through {@link java.util.ServiceLoader}, as the controller finds them; nothing here lists connectors.
 */
package io.triggermesh.aws.crds;
