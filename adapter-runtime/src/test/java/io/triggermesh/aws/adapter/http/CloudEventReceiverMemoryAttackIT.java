package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 10: many connections that each announce a body of about 1.1 MB, send almost all of it and
 * stall. The receiver must hold no more than its budget, keep answering ordinary events, and shed the attackers.
 */
class CloudEventReceiverMemoryAttackIT {

    private static final int ATTACKERS = 200;
    private static final int ANNOUNCED = 1_100_000;
    private static final int SENT = 1_000_000;
    private static final long BUDGET = 24L * 1024 * 1024;

    private final ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
    private CloudEventReceiver receiver;

    @AfterEach
    void stop() throws InterruptedException {
        attackers.shutdownNow();
        attackers.awaitTermination(10, TimeUnit.SECONDS);
        if (receiver != null) {
            receiver.close();
        }
    }

    /** What one attacker saw: the status it was answered with, or 0 when the connection was closed on it. */
    private int attack(int port) {
        try (Socket socket = RawHttp.connect(port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("POST / HTTP/1.1\r\nHost: x\r\nce-specversion: 1.0\r\nce-id: big\r\nce-type: t\r\n"
                        + "ce-source: urn:s\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                        + ANNOUNCED + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent < SENT; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, SENT - sent));
                }
                out.flush();
            } catch (IOException refused) {
                // the server may close before reading the body; its answer may still be readable
            }
            return RawHttp.read(socket).code();
        } catch (IOException closed) {
            return 0;
        }
    }

    @Test
    void stalledLargeUploadsStayWithinTheBudgetAndOrdinaryEventsAreStillAnswered() throws Exception {
        receiver = CloudEventReceiver.asyncBuilder(event -> java.util.concurrent.CompletableFuture.completedFuture(
                TargetReply.accepted())).host("127.0.0.1").port(0).bodyTimeout(Duration.ofSeconds(6)).start();
        assertThat(receiver.bodyBudget().total()).as("the documented default").isEqualTo(BUDGET);
        int port = receiver.port();
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
            outcomes.add(attackers.submit(() -> attack(port)));
        }
        // The attack is on: the large share of the budget (three quarters) is nearly taken.
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.bodyBudget().used() > BUDGET / 2);

        long started = System.nanoTime();
        int status;
        try (Socket socket = RawHttp.connect(port)) {
            socket.getOutputStream().write(RawHttp.event("ordinary", "{\"n\":1}").getBytes(StandardCharsets.UTF_8));
            status = RawHttp.read(socket).code();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long direct = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();

        assertThat(status).isEqualTo(202);
        assertThat(took).as("answered within seconds").isLessThan(Duration.ofSeconds(5));
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            seen.add(outcome.get(20, TimeUnit.SECONDS));
        }
        assertThat(seen).allSatisfy(code -> assertThat(code).isIn(0, 408, 503));
        assertThat(seen).as("admitted attackers time out").contains(408);
        assertThat(seen).as("the rest are refused or cut").hasSizeGreaterThan(seen.stream()
                .filter(code -> code == 408).toList().size());
        assertThat(receiver.bodyBudget().peak()).isLessThanOrEqualTo(BUDGET);
        assertThat(direct).as("Netty's direct memory while under attack").isLessThan(2 * BUDGET);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.bodyBudget().used() == 0);
    }
}
