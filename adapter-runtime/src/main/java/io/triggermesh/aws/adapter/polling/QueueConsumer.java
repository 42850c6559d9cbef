package io.triggermesh.aws.adapter.polling;

import io.triggermesh.aws.adapter.queues.SqsErrors;
import io.triggermesh.aws.adapter.sink.EventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The SQS polling engine of source adapters. {@code pollers} threads long-poll the queue (up to 10 messages, all
 * attributes and message attributes); {@code senders} threads turn each message into CloudEvents with a
 * {@link MessageHandler} and deliver them to an {@link EventSink}. A message is deleted (DeleteMessageBatch, ten at
 * a time or after a short linger, up to eight calls at once while full batches wait) only when the sink accepted every
 * one of its events; a slow delivery has its visibility extended so the message is not handed to another receiver
 * meanwhile. Memory is bounded: at most {@code maxInFlight} messages are received and not yet delivered, and each
 * {@link SqsBatcher} holds at most {@link BatchLimits#maxHeld} deletes or visibility changes (past it only the timer's
 * extensions, which never wait, and a delivery that waited {@link BatchLimits#maxWait}); a delivery waits for
 * room there before it frees its message's permit, so when SQS deletes slower than the pollers receive, the pollers
 * slow down to the delete rate instead of deletes piling up until they wait out the visibility timeout (duplicates).
 * Queue errors back off exponentially up to a minute with a clear log line; sink failures pause polling (see
 * {@link Delivery}). {@link #close()} stops polling, finishes the deliveries in progress and flushes pending deletes.
 *
 * <p>Create with {@link #builder}, then {@link #start()}.
 */
public final class QueueConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QueueConsumer.class.getName());
    private static final Duration MIN_ERROR_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(60);

    private final QueueConsumerSettings settings;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queue;
    private final Runnable onStop;
    private final Semaphore permits;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final List<Thread> pollers = new ArrayList<>();
    private final SqsBatcher<QueueCalls.Delete> deletes;
    private final SqsBatcher<QueueCalls.Visibility> visibility;
    private final QueueCalls calls;
    private final SinkGate gate;
    private final Delivery delivery;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final LongAdder receiveCalls = new LongAdder();
    private final LongAdder deleteCalls = new LongAdder();
    private final LongAdder visibilityCalls = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder receiveErrors = new LongAdder();

    QueueConsumer(Builder builder) {
        this.settings = builder.settings;
        this.sqs = builder.sqs;
        this.queueUrl = builder.queueUrl;
        this.queue = builder.queueName;
        this.onStop = builder.onStop;
        this.permits = new Semaphore(settings.maxInFlight());
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.named("sqs-timer"));
        this.senders = Executors.newFixedThreadPool(settings.senders(), Threads.named("sqs-deliver"));
        this.calls = new QueueCalls(sqs, queueUrl, queue, deleteCalls, visibilityCalls, deleted);
        this.deletes = new SqsBatcher<>("delete", calls::delete, settings.deleteLinger(), timer,
                BatchLimits.deletes(settings));
        this.visibility = new SqsBatcher<>("visibility", calls::changeVisibility, settings.deleteLinger(), timer,
                BatchLimits.visibility(settings));
        this.gate = new SinkGate(settings.maxRetryDelay());
        this.delivery = new Delivery(builder.handler, builder.sink, deletes, visibility, gate, queue,
                settings.maxReceives(), settings.maxRetryDelay());
    }

    /**
     * A consumer of the queue at {@code queueUrl} (resolve it with GetQueueUrl; never build it from strings).
     *
     * @param queueName how the queue is named in logs, for example its ARN
     */
    public static Builder builder(SqsClient sqs, String queueUrl, String queueName, MessageHandler handler,
                                  EventSink sink) {
        return new Builder(sqs, queueUrl, queueName, handler, sink);
    }

    /** Starts the pollers and the visibility extender. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        for (int i = 1; i <= settings.pollers(); i++) {
            Thread poller = Threads.named("sqs-poll").newThread(this::poll);
            poller.setName("sqs-poll-" + i);
            pollers.add(poller);
            poller.start();
        }
        long visibilitySeconds = settings.visibilityTimeout().toSeconds();
        if (settings.extendsVisibility()) {
            long period = Math.max(250, visibilitySeconds * 1000 / 4);
            timer.scheduleAtFixedRate(this::extend, period, period, TimeUnit.MILLISECONDS);
        }
        LOG.log(System.Logger.Level.INFO, () -> "consuming " + queue + " with " + settings);
    }

    public ConsumerStats stats() {
        return new ConsumerStats(receiveCalls.sum(), deleteCalls.sum(), visibilityCalls.sum(), received.sum(),
                deleted.sum(), delivery.accepted.sum(), delivery.rejected.sum(), delivery.retryable.sum(),
                delivery.failed.sum(), delivery.dropped.sum(), receiveErrors.sum());
    }

    private void poll() {
        Duration backoff = MIN_ERROR_BACKOFF;
        // The last error's kind, with every transient kind as one: a run of them is logged once.
        SqsErrors.Kind lastError = null;
        int batch = Math.min(SqsBatcher.MAX_BATCH, settings.maxInFlight());
        while (!stopping.get()) {
            int held = 0;
            try {
                gate.awaitOpen();
                // Wait for room for a whole batch: partial receives would cost more calls per message.
                permits.acquire(batch);
                held = batch;
                if (stopping.get()) {
                    break;
                }
                long start = System.nanoTime();
                receiveCalls.increment();
                List<Message> messages = sqs.receiveMessage(request(held)).messages();
                if (lastError != null) {
                    LOG.log(System.Logger.Level.INFO, "receiving from " + queue + " works again");
                    lastError = null;
                    backoff = MIN_ERROR_BACKOFF;
                }
                received.add(messages.size());
                long visibleAt = start + settings.visibilityTimeout().toNanos();
                for (Message message : messages) {
                    InFlight item = new InFlight(message, visibleAt);
                    inFlight.put(message.receiptHandle(), item);
                    held--;
                    senders.execute(() -> deliverAndRelease(item));
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                SqsErrors.Kind classified = SqsErrors.classify(e);
                SqsErrors.Kind kind = QueueCalls.isTransient(classified) ? SqsErrors.Kind.UNAVAILABLE : classified;
                if (stopping.get() || kind == SqsErrors.Kind.ABORTED) {
                    break;
                }
                receiveErrors.increment();
                Duration wait = jitter(backoff);
                LOG.log(kind == lastError ? System.Logger.Level.DEBUG : System.Logger.Level.ERROR, () ->
                        SqsErrors.describe(e, "sqs:ReceiveMessage", queue) + "; retrying in "
                                + wait.toMillis() / 1000.0 + "s");
                lastError = kind;
                backoff = kind == SqsErrors.Kind.UNAVAILABLE ? min(backoff.multipliedBy(2), MAX_ERROR_BACKOFF)
                        : MAX_ERROR_BACKOFF;
                permits.release(held);
                held = 0;
                try {
                    if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException interrupted) {
                    break;
                }
            } finally {
                if (held > 0) {
                    permits.release(held);
                }
            }
        }
    }

    private ReceiveMessageRequest request(int max) {
        return ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(max)
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .attributeNames(QueueAttributeName.ALL)
                .messageAttributeNames("All")
                .build();
    }

    private void deliverAndRelease(InFlight item) {
        try {
            delivery.deliver(item);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "delivering message " + item.message.messageId() + " failed", e);
        } finally {
            inFlight.remove(item.message.receiptHandle());
            permits.release();
        }
    }

    // Keeps messages whose delivery is still running invisible, so no other receiver gets them meanwhile.
    private void extend() {
        if (calls.visibilityDenied()) {
            return;
        }
        long timeout = settings.visibilityTimeout().toNanos();
        long now = System.nanoTime();
        for (InFlight item : inFlight.values()) {
            if (item.visibleAtNanos() - now < timeout / 2) {
                item.extendedTo(now + timeout);
                // Never waits: this runs on the timer, which also ends the batchers' lingers.
                visibility.addNow(item.visibility((int) settings.visibilityTimeout().toSeconds()));
            }
        }
    }

    /**
     * Stops polling (aborting long polls through the {@code onStop} hook), waits up to the drain timeout for the
     * deliveries in progress, then flushes pending deletes and visibility changes. Idempotent.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        onStop.run();
        stopped.countDown();
        gate.close();
        pollers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        for (Thread poller : pollers) {
            try {
                poller.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.shutdown();
        try {
            if (!senders.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.log(System.Logger.Level.WARNING, inFlight.size() + " deliveries still running at shutdown;"
                        + " their messages will be delivered again");
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        visibility.close(Duration.ofSeconds(5));
        deletes.close(Duration.ofSeconds(10));
        timer.shutdownNow();
        LOG.log(System.Logger.Level.INFO, () -> "stopped consuming " + queue + ": " + stats());
    }

    private static Duration jitter(Duration base) {
        long millis = base.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builder of a {@link QueueConsumer}; every setting has a default ({@link QueueConsumerSettings}). */
    public static final class Builder {
        private final SqsClient sqs;
        private final String queueUrl;
        private final String queueName;
        private final MessageHandler handler;
        private final EventSink sink;
        private QueueConsumerSettings settings = QueueConsumerSettings.defaults();
        private Runnable onStop = () -> { };

        private Builder(SqsClient sqs, String queueUrl, String queueName, MessageHandler handler, EventSink sink) {
            this.sqs = java.util.Objects.requireNonNull(sqs, "sqs");
            this.queueUrl = java.util.Objects.requireNonNull(queueUrl, "queueUrl");
            this.queueName = java.util.Objects.requireNonNull(queueName, "queueName");
            this.handler = java.util.Objects.requireNonNull(handler, "handler");
            this.sink = java.util.Objects.requireNonNull(sink, "sink");
        }

        public Builder settings(QueueConsumerSettings settings) {
            this.settings = java.util.Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Run first by {@link #close()}; pass {@code AwsClients::stopLongPolls} so a stop does not wait for
         * long polls to end.
         */
        public Builder onStop(Runnable onStop) {
            this.onStop = java.util.Objects.requireNonNull(onStop, "onStop");
            return this;
        }

        public QueueConsumer build() {
            return new QueueConsumer(this);
        }
    }
}
