package io.triggermesh.aws.adapter.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * An in-memory SQS queue with visibility timeouts, receive counts and long polls, enough for the consumer's unit
 * tests. Calls the consumer does not make throw (the SDK interface's defaults). Failures can be injected.
 */
final class FakeQueue implements SqsClient {

    private record Stored(String id, String body, int receives, long visibleAtNanos, String handle) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Stored> messages = new LinkedHashMap<>();
    private final Map<String, String> handles = new HashMap<>();
    final AtomicInteger receiveCalls = new AtomicInteger();
    final AtomicInteger deleteCalls = new AtomicInteger();
    final AtomicInteger visibilityCalls = new AtomicInteger();
    final List<Integer> visibilityTimeoutsSet = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Integer> receiveBatchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> deletedIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile Function<ReceiveMessageRequest, RuntimeException> receiveFailure = r -> null;
    volatile int failDeleteEntriesOnce;
    /** When set, every DeleteMessageBatch waits for it (at most 20 s): SQS deleting slower than it hands out. */
    volatile java.util.concurrent.CountDownLatch deletesHeld;
    private volatile boolean woken;

    String send(String body) {
        lock.lock();
        try {
            String id = UUID.randomUUID().toString();
            messages.put(id, new Stored(id, body, 0, 0, null));
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ends every long poll at once; the consumer's onStop hook in tests. */
    void wakeAll() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        receiveCalls.incrementAndGet();
        RuntimeException failure = receiveFailure.apply(request);
        if (failure != null) {
            throw failure;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(request.waitTimeSeconds());
        lock.lock();
        try {
            while (true) {
                List<Message> out = take(request);
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || left <= 0 || woken) {
                    receiveBatchSizes.add(request.maxNumberOfMessages());
                    return ReceiveMessageResponse.builder().messages(out).build();
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw software.amazon.awssdk.core.exception.AbortedException.create("interrupted");
        } finally {
            lock.unlock();
        }
    }

    private List<Message> take(ReceiveMessageRequest request) {
        List<Message> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Stored s : new ArrayList<>(messages.values())) {
            if (out.size() >= request.maxNumberOfMessages()) {
                break;
            }
            if (s.visibleAtNanos() - now > 0) {
                continue;
            }
            String handle = UUID.randomUUID().toString();
            Stored next = new Stored(s.id(), s.body(), s.receives() + 1,
                    now + TimeUnit.SECONDS.toNanos(request.visibilityTimeout()), handle);
            messages.put(s.id(), next);
            handles.put(handle, s.id());
            out.add(Message.builder().messageId(s.id()).receiptHandle(handle).body(s.body())
                    .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            Integer.toString(next.receives())))
                    .build());
        }
        return out;
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
        deleteCalls.incrementAndGet();
        java.util.concurrent.CountDownLatch held = deletesHeld;
        if (held != null) {
            try {
                held.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        DeleteMessageBatchResponse.Builder response = DeleteMessageBatchResponse.builder();
        List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        lock.lock();
        try {
            request.entries().forEach(entry -> {
                if (failDeleteEntriesOnce > 0) {
                    failDeleteEntriesOnce--;
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .senderFault(false).message("try again").build());
                    return;
                }
                String id = handles.remove(entry.receiptHandle());
                Stored stored = id == null ? null : messages.get(id);
                if (stored == null || !entry.receiptHandle().equals(stored.handle())) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("ReceiptHandleIsInvalid")
                            .senderFault(true).message("stale").build());
                    return;
                }
                messages.remove(id);
                deletedIds.add(id);
                ok.add(DeleteMessageBatchResultEntry.builder().id(entry.id()).build());
            });
        } finally {
            lock.unlock();
        }
        return response.successful(ok).failed(failed).build();
    }

    @Override
    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
            ChangeMessageVisibilityBatchRequest request) {
        visibilityCalls.incrementAndGet();
        List<ChangeMessageVisibilityBatchResultEntry> ok = new ArrayList<>();
        lock.lock();
        try {
            long now = System.nanoTime();
            request.entries().forEach(entry -> {
                visibilityTimeoutsSet.add(entry.visibilityTimeout());
                String id = handles.get(entry.receiptHandle());
                Stored s = id == null ? null : messages.get(id);
                if (s != null) {
                    messages.put(id, new Stored(s.id(), s.body(), s.receives(),
                            now + TimeUnit.SECONDS.toNanos(entry.visibilityTimeout()), s.handle()));
                    ok.add(ChangeMessageVisibilityBatchResultEntry.builder().id(entry.id()).build());
                }
            });
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return ChangeMessageVisibilityBatchResponse.builder().successful(ok).build();
    }

    /** How many times the message has been received. */
    int receives(String id) {
        lock.lock();
        try {
            Stored s = messages.get(id);
            return s == null ? -1 : s.receives();
        } finally {
            lock.unlock();
        }
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
