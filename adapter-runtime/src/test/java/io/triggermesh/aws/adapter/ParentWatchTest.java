package io.triggermesh.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    @Test
    void withoutTheVariableNothingIsWatched() {
        assertThat(ParentWatch.parent(Map.of())).isEmpty();
        assertThat(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, "not a pid"))).isEmpty();
    }

    @Test
    void theAdapterStopsWhenLocalModeIsGone() throws Exception {
        Process localMode = new ProcessBuilder("sleep", "30").start();
        ProcessHandle parent = ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, Long.toString(localMode.pid())))
                .orElseThrow();
        CountDownLatch stopped = new CountDownLatch(1);
        ParentWatch.stopWhenGone(parent, stopped::countDown);

        assertThat(stopped.await(300, TimeUnit.MILLISECONDS)).as("not while local mode runs").isFalse();
        localMode.destroyForcibly();

        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
