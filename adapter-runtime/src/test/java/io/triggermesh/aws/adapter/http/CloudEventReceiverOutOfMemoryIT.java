package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An {@link OutOfMemoryError} on any path is logged at ERROR and ends the process (a stand-in here). */
class CloudEventReceiverOutOfMemoryIT {

    private final CompletableFuture<OutOfMemoryError> ended = new CompletableFuture<>();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(CloudEventReceiver.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private CloudEventReceiver receiver;

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
        if (receiver != null) {
            receiver.close();
        }
    }

    private void post() throws Exception {
        try (Socket socket = RawHttp.connect(receiver.port())) {
            socket.getOutputStream().write(RawHttp.event("e", "{}").getBytes(StandardCharsets.UTF_8));
            try {
                RawHttp.read(socket);
            } catch (java.io.IOException closed) {
                // the connection may be closed instead of answered
            }
        }
    }

    private void assertEndedAfterErrorLog() throws Exception {
        OutOfMemoryError error = ended.get(5, TimeUnit.SECONDS);
        assertThat(error).hasMessage("Direct buffer memory");
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isSameAs(error);
        });
    }

    @Test
    void anOutOfMemoryErrorOnTheNetworkThreadEndsTheProcess() throws Exception {
        receiver = CloudEventReceiver.asyncBuilder((CloudEvent event) -> {
            throw new OutOfMemoryError("Direct buffer memory");
        }).host("127.0.0.1").port(0).outOfMemory(ended::complete).start();

        post();

        assertEndedAfterErrorLog();
    }

    @Test
    void anOutOfMemoryErrorInABlockingHandlerEndsTheProcess() throws Exception {
        receiver = CloudEventReceiver.builder(event -> {
            throw new OutOfMemoryError("Direct buffer memory");
        }).host("127.0.0.1").port(0).outOfMemory(ended::complete).start();

        post();

        assertEndedAfterErrorLog();
    }

    @Test
    void anOutOfMemoryErrorCompletingAnAsyncReplyEndsTheProcess() throws Exception {
        receiver = CloudEventReceiver.asyncBuilder((CloudEvent event) -> CompletableFuture.failedFuture(
                new OutOfMemoryError("Direct buffer memory"))).host("127.0.0.1").port(0)
                .outOfMemory(ended::complete).start();

        post();

        assertEndedAfterErrorLog();
    }
}
