package io.triggermesh.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.adapter.AdapterLauncher;
import io.triggermesh.aws.adapter.StaticLoggerAdapter;
import io.triggermesh.aws.adapter.logging.AdapterLogManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adapter started as local mode starts it keeps logging while it stops, even when its own class creates a logger
 * before the adapter runtime loads (the JDK picks its log manager with the first logger).
 */
class AdapterShutdownLoggingIT {

    @Test
    void anAdapterWithAStaticLoggerStillLogsWhileItStops(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("adapter.log");
        Map<String, String> env = Map.of("KIND", StaticLoggerAdapter.KIND, "NAME", "static-logger",
                "NAMESPACE", "test", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIASTATICLOGGER001", "AWS_SECRET_ACCESS_KEY", "static-logger-secret",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        AdapterProcess process = AdapterProcess.start("static-logger", System.getProperty("java.class.path"), env,
                log);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.readString(log)).contains("teststaticlogger-adapter started"));
        } finally {
            process.terminate();
            process.awaitExit(Duration.ofSeconds(20));
        }
        assertThat(process.alive()).isFalse();
        assertThat(Files.readString(log)).as("adapter log").contains("teststaticlogger-adapter stopping")
                .contains(StaticLoggerAdapter.STOPPING_LINE);
    }

    @Test
    void localModeSelectsTheRuntimesLogManager() {
        assertThat(AdapterProcess.LOG_MANAGER).isEqualTo(AdapterLogManager.JVM_OPTION);
    }

    @Test
    void localModeStartsTheRuntimesLauncher() {
        assertThat(AdapterProcess.LAUNCHER).isEqualTo(AdapterLauncher.class.getName());
    }
}
