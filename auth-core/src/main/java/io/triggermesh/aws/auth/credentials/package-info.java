/**
 * The one factory of {@code AwsCredentialsProvider}s in the project. Every credential chain (static keys, session
 * tokens, assume-role, web identity, the SDK default chain, and for the controller's identity checks the session the
 * EKS Pod Identity agent hands out, {@link io.triggermesh.aws.auth.credentials.PodIdentityAgent}) is built here from
 * AWS SDK v2 parts, for the adapters
 * ({@link io.triggermesh.aws.auth.credentials.AdapterCredentials}, from their environment) and for the controller
 * ({@link io.triggermesh.aws.auth.credentials.ObjectCredentials}, from an object's {@code spec.auth}). Nobody else
 * constructs STS providers.
 *
 * <p>Results are {@link io.triggermesh.aws.auth.credentials.CredentialsHandle}s: they own the STS clients they
 * created and close them. STS providers cache their credentials and refresh them synchronously shortly before
 * expiry, never once per request. Descriptions, {@code toString()} and exception messages never carry secret
 * material.
 */
package io.triggermesh.aws.auth.credentials;
