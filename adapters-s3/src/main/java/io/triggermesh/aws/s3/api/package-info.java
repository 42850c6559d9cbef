/**
 * The public API of the S3 connector: the spec records of {@code AWSS3Source} and {@code AWSS3Target} with the JSON
 * names of the original TriggerMesh API, the {@link io.triggermesh.aws.s3.api.BucketArn} value type and the S3 event
 * names a source may subscribe to ({@link io.triggermesh.aws.s3.api.S3EventTypes}).
 */
package io.triggermesh.aws.s3.api;
