/**
 * The in-memory cluster that local mode runs on and the controller's integration tests run against: fabric8's mock
 * Kubernetes API in CRUD mode ({@link io.triggermesh.aws.cluster.InMemoryCluster}), the Deployment status a kubelet
 * would report ({@link io.triggermesh.aws.cluster.DeploymentStatuses}) and the EKS Pod Identity agent
 * ({@link io.triggermesh.aws.cluster.LocalPodIdentityAgent}). A module of its own so that the controller takes it at
 * test scope only (its jar and image carry no test API server) while local mode takes it at compile scope; it never
 * depends on the controller.
 */
package io.triggermesh.aws.cluster;
