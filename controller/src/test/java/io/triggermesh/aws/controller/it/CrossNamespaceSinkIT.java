package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A source's {@code sink.ref} into another namespace: refused by default without reading anything there, and when
 * an administrator allows it, resolved without telling a missing object from an unreadable or unaddressed one.
 */
class CrossNamespaceSinkIT {

    private static final String LITERAL_KEYS = "{credentials: {accessKeyID: {value: AKIDSINK},"
            + " secretAccessKey: {value: sink-secret}}}";

    /** Default settings: refs stay in the source's namespace. */
    @Nested
    class ByDefault extends ControllerScenario {

        @Test
        void aRefIntoAnotherNamespaceIsRefusedAlikeWhetherOrNotTheObjectExists() {
            kube.resource(new SecretBuilder().withNewMetadata().withName("admin-token").withNamespace("kube-system")
                    .endMetadata().addToStringData("token", "t").build()).create();
            drainRequests();

            source(this, "probe-existing", "{apiVersion: v1, kind: Secret, name: admin-token, namespace: kube-system}");
            source(this, "probe-missing", "{apiVersion: v1, kind: Secret, name: no-such, namespace: kube-system}");
            source(this, "other-team", "{apiVersion: targets.triggermesh.io/v1alpha1, kind: AWSS3Target,"
                    + " name: orders, namespace: team-b}");

            Map<String, Object> existing = awaitCondition(SOURCES, QUEUE_SOURCE, "probe-existing", "SinkProvided",
                    "False", "CrossNamespaceSinkRefused");
            Map<String, Object> missing = awaitCondition(SOURCES, QUEUE_SOURCE, "probe-missing", "SinkProvided",
                    "False", "CrossNamespaceSinkRefused");
            Map<String, Object> team = awaitCondition(SOURCES, QUEUE_SOURCE, "other-team", "SinkProvided", "False",
                    "CrossNamespaceSinkRefused");
            assertThat(message(existing).replace("admin-token", "NAME"))
                    .isEqualTo(message(missing).replace("no-such", "NAME"))
                    .contains("namespace kube-system", "own namespace (default)",
                            "triggermesh.controller.cross-namespace-sinks");
            assertThat(message(team)).contains("AWSS3Target orders in namespace team-b");
            assertThat(condition(team, "Ready")).containsEntry("status", "False");
            assertThat(team).doesNotContainKey("sinkUri");
            awaitWarning("other-team", "CrossNamespaceSinkRefused");

            List<String> requests = drainRequests();
            assertThat(requests).as("nothing read in the other namespaces")
                    .noneMatch(r -> r.contains("/namespaces/kube-system/") || r.contains("/namespaces/team-b/"));
        }

        @Test
        void aRefToACoreKindWithoutAnAddressIsRefusedWithoutReadingIt() {
            kube.resource(new SecretBuilder().withNewMetadata().withName("db-password").withNamespace(NS)
                    .endMetadata().addToStringData("password", "p").build()).create();
            drainRequests();

            source(this, "probe-secret", "{apiVersion: v1, kind: Secret, name: db-password}");
            source(this, "probe-nothing", "{apiVersion: v1, kind: Secret, name: no-such}");

            Map<String, Object> existing = awaitCondition(SOURCES, QUEUE_SOURCE, "probe-secret", "SinkProvided",
                    "False", "SinkNotAddressable");
            Map<String, Object> missing = awaitCondition(SOURCES, QUEUE_SOURCE, "probe-nothing", "SinkProvided",
                    "False", "SinkNotAddressable");
            assertThat(message(existing)).isEqualTo(message(missing)).contains("'Secret' (v1) is not an event sink");
            assertThat(drainRequests()).as("no Secret read for a sink")
                    .noneMatch(r -> r.contains("/secrets/db-password") || r.contains("/secrets/no-such"));
        }

        @Test
        void aRefNamingItsOwnNamespaceExplicitlyStillResolves() {
            source(this, "same", "{apiVersion: v1, kind: Service, name: display, namespace: default}");

            Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "same", "SinkProvided", "True",
                    "SinkResolved");
            assertThat(status).containsEntry("sinkUri", "http://display.default.svc.cluster.local");
        }
    }

    /** {@code cross-namespace-sinks: true}: refs into other namespaces resolve, existence stays private. */
    @Nested
    class WhenAllowed extends ControllerScenario {

        @Override
        Map<String, Object> controllerProperties() {
            return Map.of("triggermesh.controller.cross-namespace-sinks", true);
        }

        @Test
        void aRefIntoAnotherNamespaceResolvesToItsAddress() {
            // The controller deploys it and publishes its address in status.address.url.
            apply("""
                    apiVersion: targets.triggermesh.io/v1alpha1
                    kind: AWSS3Target
                    metadata: {name: orders, namespace: team-b}
                    spec: {arn: 'arn:aws:s3:::orders', auth: %s}
                    """.formatted(LITERAL_KEYS));
            // A source whose sink is not there yet looks again only after 30 s: let the target publish first.
            await().atMost(ControllerScenario.CONVERGE).until(() -> kube.genericKubernetesResources(TARGETS,
                    S3_TARGET).inNamespace("team-b").withName("orders").get().getAdditionalProperties()
                    .get("status"), s -> s instanceof Map<?, ?> m && m.get("address") != null);

            source(this, "to-team-b", "{apiVersion: targets.triggermesh.io/v1alpha1, kind: AWSS3Target,"
                    + " name: orders, namespace: team-b}");

            Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "to-team-b", "SinkProvided", "True",
                    "SinkResolved");
            assertThat(status).containsEntry("sinkUri", "http://awss3target-orders.team-b.svc.cluster.local");
        }

        @Test
        void aMissingObjectAndOneWithoutAnAddressReadTheSame() {
            // A target that exists but never gets an address (its spec is invalid), and one that does not exist.
            apply("""
                    apiVersion: targets.triggermesh.io/v1alpha1
                    kind: AWSS3Target
                    metadata: {name: admin-target, namespace: kube-system}
                    spec: {arn: not-an-arn}
                    """);

            source(this, "probe-existing", "{apiVersion: targets.triggermesh.io/v1alpha1, kind: AWSS3Target,"
                    + " name: admin-target, namespace: kube-system}");
            source(this, "probe-missing", "{apiVersion: targets.triggermesh.io/v1alpha1, kind: AWSS3Target,"
                    + " name: no-such, namespace: kube-system}");

            Map<String, Object> existing = awaitCondition(SOURCES, QUEUE_SOURCE, "probe-existing", "SinkProvided",
                    "False", "SinkNotFound");
            Map<String, Object> missing = awaitCondition(SOURCES, QUEUE_SOURCE, "probe-missing", "SinkProvided",
                    "False", "SinkNotFound");
            assertThat(message(existing).replace("admin-target", "NAME"))
                    .isEqualTo(message(missing).replace("no-such", "NAME"));
        }
    }

    private static void source(ControllerScenario scenario, String name, String ref) {
        scenario.apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSQueueTestSource
                metadata: {name: %s, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:ignored
                  sink: {ref: %s}
                  auth: %s
                """.formatted(name, ref, LITERAL_KEYS));
    }

    private static String message(Map<String, Object> status) {
        return String.valueOf(ControllerScenario.condition(status, "SinkProvided").get("message"));
    }
}
