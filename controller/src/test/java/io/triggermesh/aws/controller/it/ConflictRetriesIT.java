package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Status writes the API server refuses with 409 Conflict: the controller reads the object again and writes once
 * more, then backs off per object, and never repeats the AWS calls whose outcome the lost status would have
 * recorded. The refusals are mock-server expectations answered before its CRUD behaviour.
 */
class ConflictRetriesIT extends ControllerScenario {

    private static final String KEYS = "{credentials: {accessKeyID: {value: AKIACONFLICT},"
            + " secretAccessKey: {value: conflict-secret}}}";
    private static final String STATUS_PATH = "/apis/sources.triggermesh.io/v1alpha1/namespaces/default/"
            + "awsqueuetestsources/%s/status";

    /** The production backoff (1 s doubling to 5 min), not the harness's fast one. */
    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.initial-backoff", "1s", "triggermesh.controller.max-backoff", "5m");
    }

    private void conflictOnStatusWrites(String name, boolean always) {
        var answer = cluster.expect().put().withPath(STATUS_PATH.formatted(name))
                .andReturn(409, new StatusBuilder().withStatus("Failure").withCode(409).withReason("Conflict")
                        .withMessage("the object has been modified; please apply your changes to the latest version")
                        .build());
        if (always) {
            answer.always();
        } else {
            answer.once();
        }
    }

    @Test
    void aConflictingStatusWriteIsWrittenAgainWithAFreshReadAndAwsIsCalledOnce() {
        conflictOnStatusWrites("conflicts-once", false);

        queueSource("conflicts-once", KEYS);

        Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "conflicts-once", "ResourcesReady",
                "True", "ResourcesReady");
        assertThat(status.get("resourcesFingerprint")).as("the status landed").isNotNull();
        assertThat(QueueTestPlugin.ensureCalls(NS, "conflicts-once")).as("AWS ensure calls").isEqualTo(1);
    }

    @Test
    void statusWritesThatAlwaysConflictBackOffAndDoNotRepeatAwsCalls() {
        conflictOnStatusWrites("stuck", true);

        queueSource("stuck", KEYS);
        await().atMost(CONVERGE).until(() -> QueueTestPlugin.ensureCalls(NS, "stuck") >= 1);

        // Backoff 1, 2, 4 s: about four passes in ten seconds (a fixed 200 ms requeue made ~50), each with
        // two refused status writes and a fresh read between them.
        List<String> requests = requestsDuring(Duration.ofSeconds(10), 60);
        String statusPath = STATUS_PATH.formatted("stuck");
        assertThat(requests.stream().filter(r -> r.equals("PUT " + statusPath)).count())
                .as("status writes in 10 s").isBetween(2L, 10L);
        assertThat(QueueTestPlugin.ensureCalls(NS, "stuck"))
                .as("AWS ensure calls while only the status write fails").isEqualTo(1);
    }
}
