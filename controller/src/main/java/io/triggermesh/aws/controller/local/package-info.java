/**
 * Local mode: the whole system on one machine without a Kubernetes cluster. An in-memory Kubernetes API, the real
 * controller against it, and a runner that plays the kubelet's part for adapter Deployments by starting each
 * adapter as a local JVM process.
 */
package io.triggermesh.aws.controller.local;
