/**
 * The desired state of an object's Kubernetes workload as plain functions over plain values: the adapter
 * Deployment, a target's Service and the Secret holding literal credentials. No client, no I/O; the steps of
 * {@code reconcile.DesiredPipeline}, which the reconciler and the {@code render} command both run, use these.
 */
package io.triggermesh.aws.controller.desired;
