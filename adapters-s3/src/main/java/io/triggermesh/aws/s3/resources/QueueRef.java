package io.triggermesh.aws.s3.resources;

/**
 * A queue as the controller found or created it.
 *
 * @param url its URL, for SQS calls
 * @param arn its ARN, for the notification configuration and status
 */
record QueueRef(String url, String arn) {
}
