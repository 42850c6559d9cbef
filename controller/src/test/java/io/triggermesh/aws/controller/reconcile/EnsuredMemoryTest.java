package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsuredMemoryTest {

    private final MovableClock clock = new MovableClock();
    private final EnsuredMemory memory = new EnsuredMemory(clock);
    private final Condition ready = Condition.isTrue(Condition.RESOURCES_READY, "ResourcesReady", "in place");

    @Test
    void aRememberedEnsureIsReusedOnlyForTheSameFingerprint() {
        memory.remember("uid-1", "f1", ready, "role", Map.of("queueUrl", "http://q"));

        assertThat(memory.recall("uid-1", "f1")).get().satisfies(e -> {
            assertThat(e.pluginStatus()).containsEntry("queueUrl", "http://q");
            assertThat(e.identity()).isEqualTo("role");
        });
        assertThat(memory.recall("uid-1", "f2")).as("spec or credentials changed").isEmpty();
        assertThat(memory.recall("uid-2", "f1")).as("another object").isEmpty();
    }

    @Test
    void anEntryExpiresSoAwsIsCheckedAgainNowAndThen() {
        memory.remember("uid-1", "f1", ready, "role", Map.of());
        clock.advance(EnsuredMemory.TTL.minusSeconds(1));
        assertThat(memory.recall("uid-1", "f1")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(memory.recall("uid-1", "f1")).isEmpty();

        memory.remember("uid-2", "f", ready, "role", Map.of());
        assertThat(memory.size()).as("expired entries are dropped").isEqualTo(1);
    }

    @Test
    void aLandedStatusForgetsTheEntry() {
        memory.remember("uid-1", "f1", ready, "role", Map.of());
        memory.forget("uid-1");
        assertThat(memory.recall("uid-1", "f1")).isEmpty();
    }
}
