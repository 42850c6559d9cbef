/**
 * Spec types shared by connectors: the event {@link io.triggermesh.aws.spi.api.Sink} of a source, the
 * {@link io.triggermesh.aws.spi.api.AdapterOverrides} every kind accepts, and a generic
 * {@link io.triggermesh.aws.spi.api.Arn} parser. They are plain records with Jackson annotations (JSON names as in
 * the original TriggerMesh API, a description on every field for CRD generation) and each offers a
 * {@code problems(path)} check returning fix-it {@link io.triggermesh.aws.spi.Problem}s, so every connector reports
 * the same mistakes the same way.
 */
package io.triggermesh.aws.spi.api;
