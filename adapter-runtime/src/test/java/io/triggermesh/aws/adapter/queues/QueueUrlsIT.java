package io.triggermesh.aws.adapter.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

@ExtendWith(AwsEmulatorExtension.class)
class QueueUrlsIT {

    /** GetQueueUrl calls answered with a failure: counted once the answer is in, not when the call starts. */
    private final AtomicInteger failures = new AtomicInteger();
    private final SqsClient sqs;

    QueueUrlsIT(AwsEmulator emulator) {
        sqs = SqsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(emulator.rootCredentialsProvider())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                        failures.incrementAndGet();
                    }
                }))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void close() {
        sqs.close();
    }

    @Test
    void aQueueCreatedSoonAfterItsAdapterStartedIsFoundWithinSeconds() throws Exception {
        String name = "late-" + UUID.randomUUID();
        QueueArn arn = QueueArn.parse("arn:aws:sqs:us-east-1:" + AwsEmulator.DEFAULT_ACCOUNT + ":" + name)
                .orElseThrow();
        QueueUrls urls = new QueueUrls(sqs, arn, Optional.empty());
        CompletableFuture<Optional<String>> resolved = CompletableFuture.supplyAsync(urls::resolve);
        try {
            // Two misses, as when a person creates the queue a little after applying the object.
            await().atMost(Duration.ofSeconds(20)).until(() -> failures.get() >= 2);
            assertThat(resolved).as("still waiting for the queue").isNotDone();
            assertThat(urls.lastFailure()).get().satisfies(e -> assertThat(SqsErrors.classify(e))
                    .isEqualTo(SqsErrors.Kind.QUEUE_MISSING));
            long created = System.nanoTime();
            String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();

            // The waits double (0.5-1 s, 1-2 s, 2-4 s, ...): the third attempt comes at most 2 s after the second
            // miss, where a jump to the one-minute wait after a miss would take 30 s or more.
            assertThat(resolved.get(20, TimeUnit.SECONDS)).contains(url);
            assertThat(Duration.ofNanos(System.nanoTime() - created)).isLessThan(Duration.ofSeconds(15));
            assertThat(urls.lastFailure()).isEmpty();
        } finally {
            urls.stop();
        }
    }

    @Test
    void stoppingEndsTheWaitForAQueueThatNeverComes() throws Exception {
        QueueArn arn = QueueArn.parse("arn:aws:sqs:us-east-1:" + AwsEmulator.DEFAULT_ACCOUNT + ":never-"
                + UUID.randomUUID()).orElseThrow();
        QueueUrls urls = new QueueUrls(sqs, arn, Optional.empty());
        CompletableFuture<Optional<String>> resolved = CompletableFuture.supplyAsync(urls::resolve);
        // Four misses: the lookup is now in its fourth wait, of 4-8 s.
        await().atMost(Duration.ofSeconds(30)).until(() -> failures.get() >= 4);

        urls.stop();

        assertThat(resolved.get(1, TimeUnit.SECONDS)).isEmpty();
    }
}
