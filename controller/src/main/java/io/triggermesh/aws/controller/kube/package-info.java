/**
 * The thin layer over the fabric8 Kubernetes client: the client itself, Secret reads, ServiceAccount tokens,
 * Events and the mapping between ServiceAccounts and auth-core's plain ServiceAccount view.
 */
package io.triggermesh.aws.controller.kube;
