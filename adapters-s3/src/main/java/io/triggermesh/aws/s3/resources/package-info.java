/**
 * The AWS resources of an {@code AWSS3Source}, managed by the controller through the kind's resource hooks: the
 * source's own SQS queue (created, tagged with its owner, given a policy that lets only the bucket send to it) and
 * the source's one entry in the bucket's notification configuration. The pure parts (policy document, notification
 * entry, owner tags, identifiers) are separate from the thin layer that calls AWS, so they are unit-tested without a
 * client. Every AWS failure leaves this package as an {@link io.triggermesh.aws.spi.AwsResourceException} of the right
 * kind ({@link io.triggermesh.aws.s3.resources.AwsCalls}).
 */
package io.triggermesh.aws.s3.resources;
