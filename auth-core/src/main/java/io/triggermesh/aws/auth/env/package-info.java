/**
 * The environment an adapter Deployment gets from {@code spec.auth}, computed as plain values without a Kubernetes
 * client: {@link io.triggermesh.aws.auth.env.AdapterEnvironment#render} returns the env variables and, when the object
 * carries literal credentials, the Secret the controller must own so that no credential is ever a literal env value.
 * The variable names (those written here and those the adapters read back) have one home, connector-spi's
 * {@link io.triggermesh.aws.spi.AdapterEnv}.
 */
package io.triggermesh.aws.auth.env;
