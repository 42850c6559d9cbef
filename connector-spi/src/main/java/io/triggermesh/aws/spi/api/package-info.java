/**
 * Spec types shared by connectors: the event {@link io.triggermesh.aws.spi.api.Sink} of a source, the
 * {@link io.triggermesh.aws.spi.api.AdapterOverrides} every kind accepts, a generic
 * {@link io.triggermesh.aws.spi.api.Arn} parser and the SQS {@link io.triggermesh.aws.spi.api.QueueArn} (the SQS
 * kinds' queues and the queue of an S3 source). They are plain records with Jackson annotations (JSON names as in
 * the original TriggerMesh API, a description on every field for CRD generation) and each offers a
 * {@code problems(path)} check returning fix-it {@link io.triggermesh.aws.spi.Problem}s, so every connector reports
 * the same mistakes the same way.
 *
 * <p>The schema annotations ({@link io.triggermesh.aws.spi.api.FieldSchema},
 * {@link io.triggermesh.aws.spi.api.ExactlyOneOf}, {@link io.triggermesh.aws.spi.api.AtLeastOneOf},
 * {@link io.triggermesh.aws.spi.api.ValidationRule}) are optional hints for the CRD generator: required fields,
 * patterns, allowed values and rules between fields that a Java type cannot express. They change nothing at run
 * time.
 *
 * <p>{@link io.triggermesh.aws.spi.api.CredentialRedactor} is the one redactor for text that may carry AWS
 * credentials (AWS error messages echo the signed request); {@link io.triggermesh.aws.spi.api.Redaction} masks the
 * user and password part of URIs.
 */
package io.triggermesh.aws.spi.api;
