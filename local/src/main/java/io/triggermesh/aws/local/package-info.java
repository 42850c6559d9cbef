/**
 * Local mode: the whole system on one machine without a Kubernetes cluster. An in-memory Kubernetes API (the
 * in-memory-cluster module, {@code io.triggermesh.aws.cluster}), the real controller against it, and a runner that
 * plays the kubelet's part for adapter Deployments by starting each adapter as a local JVM process. A module of its
 * own ({@code local/target/local.jar}), so that the controller jar and image carry no test API server; the controller
 * never depends on it.
 */
package io.triggermesh.aws.local;
