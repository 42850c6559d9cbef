package io.triggermesh.aws.s3;

import io.triggermesh.aws.spi.AdapterEnv;

/**
 * Environment variables the S3 plugin sets on its adapters, beside the common ones the controller adds (credentials,
 * {@code AWS_REGION}, {@code K_SINK}, {@code NAME}, {@code NAMESPACE}). The adapter runtimes read these same
 * constants.
 */
public final class S3AdapterEnv {

    /** The bucket ARN as written in {@code spec.arn}. */
    public static final String ARN = AdapterEnv.ARN;
    /**
     * ARN of the queue an AWSS3Source adapter consumes. Set from {@code spec.destination.sqs.queueARN} for a
     * user-supplied queue; for a managed queue, by the resource hook once the queue exists.
     */
    public static final String QUEUE_ARN = "QUEUE_ARN";
    /** {@code true} when an AWSS3Target stores only the event data. */
    public static final String DISCARD_CLOUDEVENT_CONTEXT = "DISCARD_CLOUDEVENT_CONTEXT";

    private S3AdapterEnv() {
    }
}
