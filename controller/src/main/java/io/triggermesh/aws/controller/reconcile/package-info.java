/**
 * The common reconcile every connector kind goes through: validation, ServiceAccount, credentials, managed AWS
 * resources, the adapter workload, status and Events, and deletion with a finalizer. Kind-specific behaviour comes
 * only from the plugin's hooks. What is written for an object is computed once, by the steps of
 * {@link io.triggermesh.aws.controller.reconcile.DesiredPipeline}, which {@code render} runs too
 * ({@link io.triggermesh.aws.controller.reconcile.Preview}).
 */
package io.triggermesh.aws.controller.reconcile;
