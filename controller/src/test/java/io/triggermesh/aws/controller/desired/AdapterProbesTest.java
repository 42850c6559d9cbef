package io.triggermesh.aws.controller.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.AdapterWorkload;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probes that let a Deployment's availability, and so the object's Ready, follow the adapter. */
class AdapterProbesTest {

    private static final OwnerObject OWNER = new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSSQSTarget",
            "team-a", "orders", "uid-1");
    private static final AwsAuth KEYS = AwsAuth.ofCredentials(Credentials.keys(
            ValueSource.literal("AKIDCANARY"), ValueSource.literal("SECRETCANARY")));

    private static Container container(AdapterWorkload workload) {
        Deployment deployment = AdapterWorkloads.deployment(new AdapterInput(OWNER, workload,
                AdapterEnvironment.render(OWNER, KEYS), null, null, null, "v1", AdapterSettings.defaults()));
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void targetIsReadyOnlyWhileHealthAnswers200() {
        Container container = container(AdapterWorkload.target("img:1", Map.of(), 8080));

        var readiness = container.getReadinessProbe();
        assertThat(readiness.getHttpGet().getPath()).isEqualTo("/health");
        assertThat(readiness.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(readiness.getPeriodSeconds()).isPositive();
        assertThat(readiness.getTimeoutSeconds()).isPositive();
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
    }

    @Test
    void targetLivenessOnlyAsksThatThePortAcceptsSoAMissingQueueDoesNotRestartIt() {
        Container container = container(AdapterWorkload.target("img:1", Map.of(), 8080));

        var liveness = container.getLivenessProbe();
        assertThat(liveness.getHttpGet()).as("a 503 from /health must not restart the adapter").isNull();
        assertThat(liveness.getTcpSocket().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(liveness.getInitialDelaySeconds()).isPositive();
    }

    @Test
    void sourceServesNoHttpAndGetsNoProbes() {
        Container container = container(AdapterWorkload.source("img:1", Map.of()));

        assertThat(container.getPorts()).isNullOrEmpty();
        assertThat(container.getReadinessProbe()).isNull();
        assertThat(container.getLivenessProbe()).isNull();
    }
}
