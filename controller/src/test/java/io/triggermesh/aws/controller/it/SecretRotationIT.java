package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rotated Secret rolls its adapters within the poll interval, although the resync is the default ten minutes and
 * the controller neither lists nor watches Secrets: it reads only the Secrets objects reference, by name.
 */
class SecretRotationIT extends ControllerScenario {

    private static final String ANNOTATION = "triggermesh.io/credentials-version";

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.secret-poll.interval", "1s");
    }

    @Test
    void aRotatedSecretRollsItsAdapterWithoutAResyncOrAWatchOnSecrets() {
        kube.resource(secret(Map.of("id", "AKIDBEFORE", "key", "before-secret"))).create();
        sqsTarget("rotating", "{credentials: {accessKeyID: {valueFromSecret: {name: rotating-keys, key: id}},"
                + " secretAccessKey: {valueFromSecret: {name: rotating-keys, key: key}}}}");
        awaitReady(TARGETS, SQS_TARGET, "rotating");
        String before = templateAnnotation();
        assertThat(before).isNotBlank();
        drainRequests();

        kube.resource(secret(Map.of("id", "AKIDAFTER", "key", "after-secret"))).update();

        List<String> requests = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            requests.addAll(drainRequests());
            assertThat(templateAnnotation()).isNotEqualTo(before);
        });
        requests.addAll(drainRequests());
        assertThat(requests).filteredOn(r -> r.contains("/secrets"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).as("only reads of named Secrets")
                        .matches("(GET|POST|PUT|DELETE|PATCH) /api/v1/namespaces/[^/]+/secrets/[^/?]+"));
    }

    private String templateAnnotation() {
        Map<String, String> annotations = deployment("awssqstarget-rotating").getSpec().getTemplate().getMetadata()
                .getAnnotations();
        return annotations == null ? null : annotations.get(ANNOTATION);
    }

    private static Secret secret(Map<String, String> data) {
        return new SecretBuilder().withNewMetadata().withName("rotating-keys").withNamespace(NS).endMetadata()
                .withStringData(data).build();
    }
}
