/**
 * The AWSS3Target adapter: CloudEvents received over HTTP (the shared receiver of {@code adapter-runtime}) written to
 * the bucket. The pure parts are separate: the object key ({@link io.triggermesh.aws.s3.adapter.target.ObjectKeys}),
 * the object's content ({@link io.triggermesh.aws.s3.adapter.target.ObjectBody}), the answer to a failed write
 * ({@code PutFailures}) and the result event ({@code ResultEvents}).
 */
package io.triggermesh.aws.s3.adapter.target;
