package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.adapter.AwsClients;
import io.triggermesh.aws.adapter.polling.BenchDeleteBatcher;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.bench.Bench;
import io.triggermesh.aws.sqs.adapter.BenchSendBatcher;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The contenders of {@link BatcherBenchmark} and their SQS clients, in the process it starts: ours on the adapters'
 * SQS client ({@link AwsClients}: the SDK's sync client on the URLConnection HTTP client, as in the image), the SDK's
 * {@link SqsAsyncBatchManager} on an {@link SqsAsyncClient} with the SDK's default async HTTP client (Netty), with
 * its defaults and with its flush interval set to our linger. Also fills and receives the queues the deletes need.
 */
final class BatcherContenders implements AutoCloseable {

    static final Region REGION = Region.of("elasticmq");
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("x", "x"));

    /** The contenders, in the order they run and print. */
    static final List<String> NAMES = List.of("ours", "sdk", "sdk-tuned");
    /**
     * Our delete batcher with 8 calls at once for partial batches too (the engine's: 2 for partial, 8 for full ones):
     * the deletes at more equal concurrency.
     */
    static final String OURS_X8 = "ours-x8";

    private final SqsClient setUp;
    private final AwsClients aws;
    private final SqsClient ours;
    private final SqsAsyncClient async;

    BatcherContenders(URI endpoint) {
        this.setUp = Bench.sqs(endpoint);
        this.aws = AwsClients.withProvider(AwsEndpoints.of(REGION).withGlobalEndpoint(endpoint), KEYS);
        this.ours = aws.client(SqsClient.builder().overrideConfiguration(o -> o.addExecutionInterceptor(
                new InFlightCalls())), "sqs", REGION);
        this.async = SqsAsyncClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(KEYS)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new InFlightCalls())).build();
    }

    /** A new queue; its URL. */
    String queue() {
        String name = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        return setUp.createQueue(b -> b.queueName(name)).queueUrl();
    }

    void dropQueue(String url) {
        setUp.deleteQueue(b -> b.queueUrl(url));
    }

    /** Sends: {@code name} is one of {@link #NAMES}. */
    BatcherPhases.Contender sender(String name, String url) {
        if (name.equals("ours")) {
            BenchSendBatcher batcher = new BenchSendBatcher(ours, url);
            return contender(batcher::send, batcher::close);
        }
        ScheduledExecutorService timer = timer();
        SqsAsyncBatchManager manager = manager(name.equals("sdk") ? null : BenchSendBatcher.linger(), timer);
        return contender(body -> answer(manager.sendMessage(b -> b.queueUrl(url).messageBody(body)), true),
                () -> {
                    manager.close();
                    timer.shutdownNow();
                });
    }

    /** Deletes of receipt handles: {@code name} is one of {@link #NAMES}. */
    BatcherPhases.Contender deleter(String name, String url) {
        if (name.startsWith("ours")) {
            BenchDeleteBatcher batcher = name.equals(OURS_X8) ? new BenchDeleteBatcher(ours, url, 8)
                    : new BenchDeleteBatcher(ours, url);
            return contender(batcher::delete, batcher::close);
        }
        ScheduledExecutorService timer = timer();
        SqsAsyncBatchManager manager = manager(name.equals("sdk") ? null : BenchDeleteBatcher.linger(), timer);
        return contender(handle -> answer(manager.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle)),
                false),
                () -> {
                    manager.close();
                    timer.shutdownNow();
                });
    }

    /** The SDK's batch manager, with its defaults or with {@code flush} as its send frequency. */
    SqsAsyncBatchManager manager(Duration flush, ScheduledExecutorService timer) {
        return SqsAsyncBatchManager.builder().client(async).scheduledExecutor(timer)
                .overrideConfiguration(c -> {
                    if (flush != null) {
                        c.sendRequestFrequency(flush);
                    }
                }).build();
    }

    /** Fills a queue with {@code count} messages and receives them all (visibility 15 minutes): their handles. */
    List<String> received(String url, int count) throws Exception {
        Bench.fill(setUp, url, count, i -> "m" + i);
        List<String> handles = new ArrayList<>(count);
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (got.size() < count) {
                    List<Message> messages = setUp.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                            .visibilityTimeout(900).waitTimeSeconds(1)).messages();
                    messages.forEach(m -> got.add(m.receiptHandle()));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        handles.addAll(got);
        return handles;
    }

    SqsClient setUp() {
        return setUp;
    }

    /** The adapters' SQS client, which our batchers use. */
    SqsClient ours() {
        return ours;
    }

    /** The manager's timer: one thread, like our batchers' linger timers. */
    static ScheduledExecutorService timer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sdk-batch-flush");
            t.setDaemon(true);
            return t;
        });
    }

    private static <T> CompletableFuture<String> answer(CompletableFuture<T> call, boolean send) {
        return call.handle((ok, e) -> e == null ? null : describe(e, send));
    }

    /** What a caller of the SDK's manager learns of a failed entry, and what ours would make of it. */
    static String describe(Throwable e, boolean send) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AwsServiceException aws) {
            return cause.getClass().getSimpleName() + ": code " + aws.awsErrorDetails().errorCode() + ", HTTP status "
                    + aws.statusCode() + ", no SenderFault; " + (send ? "the target would answer "
                    + BenchSendBatcher.answerFor(cause) : "the engine's QueueCalls would have it "
                    + BenchDeleteBatcher.verdictFor(cause));
        }
        return cause.toString();
    }

    private static BatcherPhases.Contender contender(Function<String, CompletableFuture<String>> submit,
                                                     Runnable close) {
        return new BatcherPhases.Contender() {
            @Override
            public CompletableFuture<String> submit(String item) {
                return submit.apply(item);
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    @Override
    public void close() {
        async.close();
        aws.close();
        setUp.close();
    }
}
