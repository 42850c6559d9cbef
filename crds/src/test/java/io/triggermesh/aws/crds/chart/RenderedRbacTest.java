package io.triggermesh.aws.crds.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the rendered RBAC allows the controller's ServiceAccount, request by request. */
class RenderedRbacTest {

    private final RbacRules cluster = new RbacRules(Chart.render(Map.of()), Chart.NAMESPACE, "triggermesh-controller");

    @Test
    void secretsAreReadOneByOneNeverListedOrWatched() {
        assertThat(allows(cluster, "GET", "/api/v1/namespaces/events/secrets/aws")).isTrue();
        assertThat(allows(cluster, "POST", "/api/v1/namespaces/events/secrets")).isTrue();
        assertThat(allows(cluster, "GET", "/api/v1/namespaces/events/secrets")).isFalse();
        assertThat(allows(cluster, "GET", "/api/v1/secrets?watch=true")).isFalse();
        assertThat(allows(cluster, "PATCH", "/api/v1/namespaces/events/secrets/aws")).isFalse();
    }

    @Test
    void onlyItsOwnLeaseInItsOwnNamespace() {
        assertThat(allows(cluster, "PATCH",
                "/apis/coordination.k8s.io/v1/namespaces/triggermesh/leases/triggermesh-controller")).isTrue();
        assertThat(allows(cluster, "PATCH", "/apis/coordination.k8s.io/v1/namespaces/triggermesh/leases/other"))
                .isFalse();
        assertThat(allows(cluster, "POST", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases")).isFalse();
    }

    @Test
    void tokensCanBeMintedButServiceAccountsOfOtherKindsOfObjectsAreNotTouchedBeyondItsVerbs() {
        assertThat(allows(cluster, "POST", "/api/v1/namespaces/events/serviceaccounts/s3-irsa/token")).isTrue();
        assertThat(allows(cluster, "PATCH", "/api/v1/namespaces/events/serviceaccounts/s3-irsa")).isFalse();
        assertThat(allows(cluster, "PATCH", "/apis/apps/v1/namespaces/events/deployments/x")).isFalse();
        assertThat(allows(cluster, "DELETE", "/apis/apps/v1/namespaces/events/deployments")).isFalse();
        assertThat(allows(cluster, "GET", "/api/v1/namespaces/events/pods/adapter-pod"))
                .as("pods are listed (by label, for Pod Identity checks), never read one by one").isFalse();
        assertThat(allows(cluster, "GET", "/api/v1/namespaces/events/pods?watch=true")).isFalse();
        assertThat(allows(cluster, "DELETE", "/api/v1/namespaces/events/pods/adapter-pod")).isFalse();
    }

    @Test
    void podsAreListableOnlyWhileIdentityChecksAreOn() {
        assertThat(allows(cluster, "GET", "/api/v1/namespaces/events/pods")).isTrue();
        RbacRules unchecked = new RbacRules(Chart.render(Map.of("controller.identityCheck", "false")),
                Chart.NAMESPACE, "triggermesh-controller");
        assertThat(allows(unchecked, "GET", "/api/v1/namespaces/events/pods")).isFalse();
    }

    @Test
    void watchedNamespacesLimitEverythingToThem() {
        RbacRules scoped = new RbacRules(Chart.render(Map.of("controller.watchNamespaces[0]", "events")),
                Chart.NAMESPACE, "triggermesh-controller");
        assertThat(allows(scoped, "GET", "/apis/targets.triggermesh.io/v1alpha1/namespaces/events/awss3targets"))
                .isTrue();
        assertThat(allows(scoped, "GET", "/apis/targets.triggermesh.io/v1alpha1/namespaces/other/awss3targets"))
                .isFalse();
        assertThat(allows(scoped, "GET", "/apis/targets.triggermesh.io/v1alpha1/awss3targets?watch=true"))
                .isFalse();
    }

    @Test
    void crossNamespaceSinksAreOffUnlessAskedFor() {
        assertThat(Chart.render(Map.of()).env()).containsEntry("TRIGGERMESH_CONTROLLER_CROSS_NAMESPACE_SINKS", "false");
    }

    private static boolean allows(RbacRules rules, String method, String path) {
        return RbacRules.of(method, path).map(rules::allows).orElseThrow();
    }
}
