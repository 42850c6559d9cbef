/**
 * The public API of the SQS connector: the spec records of {@code AWSSQSSource} and {@code AWSSQSTarget} with the JSON
 * names of the original TriggerMesh API, the {@link io.triggermesh.aws.spi.api.QueueArn} value type, the
 * {@link io.triggermesh.aws.sqs.api.MessageProcessor}s and the Go-style durations
 * ({@link io.triggermesh.aws.sqs.api.GoDuration}) the original API used for {@code visibilityTimeout}.
 */
package io.triggermesh.aws.sqs.api;
