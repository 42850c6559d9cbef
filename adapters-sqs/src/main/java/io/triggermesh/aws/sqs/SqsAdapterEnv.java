package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.AdapterEnv;

/**
 * Environment variables the SQS plugin sets on its adapters, beside the common ones the controller adds (credentials,
 * {@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, {@code K_SINK}, {@code NAME}, {@code NAMESPACE}). The adapter
 * runtimes read these same constants.
 */
public final class SqsAdapterEnv {

    /** The queue ARN as written in {@code spec.arn}. */
    public static final String ARN = AdapterEnv.ARN;
    /** The AWSSQSSource's message processor: {@code default}, {@code s3} or {@code eventbridge}. */
    public static final String MESSAGE_PROCESSOR = "MESSAGE_PROCESSOR";
    /** The AWSSQSSource's visibility timeout in whole seconds; absent to keep the queue's own. */
    public static final String VISIBILITY_TIMEOUT_SECONDS = "VISIBILITY_TIMEOUT_SECONDS";
    /** The account passed as QueueOwnerAWSAccountId to GetQueueUrl; absent when the spec does not set it. */
    public static final String QUEUE_OWNER_ACCOUNT_ID = "QUEUE_OWNER_ACCOUNT_ID";
    /**
     * {@code spec.endpoint.url}. The AWS SDK's own per-service override, so the SDK applies it to SQS clients without
     * adapter code, and it takes precedence over a global {@code AWS_ENDPOINT_URL} for SQS only.
     */
    public static final String AWS_ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    /** {@code true} when an AWSSQSTarget sends only the event data. */
    public static final String DISCARD_CLOUDEVENT_CONTEXT = "DISCARD_CLOUDEVENT_CONTEXT";
    /** The AWSSQSTarget's message group id (FIFO queues). */
    public static final String MESSAGE_GROUP_ID = "MESSAGE_GROUP_ID";

    private SqsAdapterEnv() {
    }
}
