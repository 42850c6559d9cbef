package io.triggermesh.aws.controller.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import io.triggermesh.aws.controller.runtime.ControllerRuntime;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code run}: the controller. Serves health ({@code /health}, {@code /health/readiness}) and Prometheus metrics
 * ({@code /prometheus}) on {@code micronaut.server.port} (default 8080) and reconciles until stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the controller against the cluster.")
public class RunCommand implements Callable<Integer> {

    @Inject
    ControllerRuntime runtime;

    @Inject
    EmbeddedServer server;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            server.stop();
            stopped.countDown();
        }, "shutdown"));
        server.start();
        runtime.start();
        stopped.await();
        return 0;
    }
}
