/**
 * The connector plugin contract. A connector is a {@link io.triggermesh.aws.spi.ConnectorPlugin} found through
 * {@link java.util.ServiceLoader}; it declares its kinds with immutable {@link io.triggermesh.aws.spi.KindDescriptor}s
 * and answers the controller's hooks through {@link io.triggermesh.aws.spi.ConnectorKind}. Nothing here depends on
 * Micronaut, a Kubernetes client or an AWS service client, so a third party can implement it against any runtime.
 */
package io.triggermesh.aws.spi;
