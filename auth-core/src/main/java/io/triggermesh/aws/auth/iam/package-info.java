/**
 * IAM policy documents built from the permissions connectors declare ({@link io.triggermesh.aws.spi.IamPermission}):
 * an immutable model ({@link io.triggermesh.aws.auth.iam.IamPolicy}, {@link io.triggermesh.aws.auth.iam.IamStatement}),
 * a deterministic merge of several kinds' needs into one document, and the JSON AWS accepts. Output is stable byte for
 * byte for the same input, so generated policy files can be committed and checked for staleness.
 */
package io.triggermesh.aws.auth.iam;
