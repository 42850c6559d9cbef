package io.triggermesh.aws.adapter.polling;

import io.triggermesh.aws.adapter.AdapterConfig;
import java.time.Duration;

/**
 * Tuning of a {@link QueueConsumer}. {@link #defaults()} suits most adapters; {@link #fromConfig} reads the
 * optional overrides an operator may put in the adapter's environment ({@code spec.adapterOverrides.env}).
 *
 * @param pollers threads long-polling the queue ({@value #POLLERS}, default 2)
 * @param senders deliveries to the sink at once ({@value #SENDERS}, default 16)
 * @param maxInFlight messages held at once, received and not finished ({@value #MAX_IN_FLIGHT}, default
 *     {@code 10 x pollers + 2 x senders}: a full batch per poller plus two messages per sender); bounds memory, with
 *     the deletes waiting for SQS ({@link BatchLimits#maxHeld})
 * @param visibilityTimeout asked for in every ReceiveMessage, and the length of each extension
 *     ({@value #VISIBILITY_TIMEOUT_SECONDS}, default 30 s)
 * @param waitTime the long-poll wait, 0 to 20 s (default 20 s)
 * @param extendVisibility whether slow deliveries get their visibility extended (needs
 *     sqs:ChangeMessageVisibility; default true)
 * @param deleteLinger how long a delete waits for nine others before it is sent anyway (default 50 ms)
 * @param maxReceives receives after which a message the sink rejects, or that cannot be turned into events, is
 *     deleted undelivered ({@value #MAX_RECEIVES}, default 5); a redrive policy with a lower maxReceiveCount moves it
 *     to the dead-letter queue first
 * @param maxRetryDelay the longest backoff before a message the sink could not take is delivered again, and the
 *     longest polling pause (default 60 s); a sink's Retry-After wins
 * @param drainTimeout how long {@link QueueConsumer#close()} waits for deliveries in progress (default 20 s)
 */
public record QueueConsumerSettings(int pollers, int senders, int maxInFlight, Duration visibilityTimeout,
                                    Duration waitTime, boolean extendVisibility, Duration deleteLinger,
                                    int maxReceives, Duration maxRetryDelay, Duration drainTimeout) {

    public static final String POLLERS = "SQS_POLLERS";
    public static final String SENDERS = "SINK_CONCURRENCY";
    public static final String MAX_IN_FLIGHT = "MAX_IN_FLIGHT_MESSAGES";
    public static final String VISIBILITY_TIMEOUT_SECONDS = "VISIBILITY_TIMEOUT_SECONDS";
    public static final String MAX_RECEIVES = "MAX_RECEIVES";

    /** SQS's longest long poll. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(20);

    public QueueConsumerSettings {
        require(pollers >= 1, "pollers must be at least 1");
        require(senders >= 1, "senders must be at least 1");
        require(maxInFlight >= 1, "maxInFlight must be at least 1");
        require(!visibilityTimeout.isNegative() && visibilityTimeout.compareTo(Delivery.MAX_VISIBILITY) <= 0,
                "visibilityTimeout must be 0 to 12 hours");
        require(!waitTime.isNegative() && waitTime.compareTo(MAX_WAIT) <= 0, "waitTime must be 0 to 20 seconds");
        require(!deleteLinger.isNegative(), "deleteLinger must not be negative");
        require(maxReceives >= 1, "maxReceives must be at least 1");
        require(maxRetryDelay.toSeconds() >= 1, "maxRetryDelay must be at least a second");
        require(!drainTimeout.isNegative(), "drainTimeout must not be negative");
    }

    public static QueueConsumerSettings defaults() {
        return new QueueConsumerSettings(2, 16, defaultMaxInFlight(2, 16), Duration.ofSeconds(30), MAX_WAIT, true,
                Duration.ofMillis(50), 5, Duration.ofSeconds(60), Duration.ofSeconds(20));
    }

    /** The defaults with the overrides found in the adapter's environment. */
    public static QueueConsumerSettings fromConfig(AdapterConfig config) {
        QueueConsumerSettings d = defaults();
        int pollers = config.integer(POLLERS, d.pollers, 1, 64);
        int senders = config.integer(SENDERS, d.senders, 1, 1024);
        int maxInFlight = config.integer(MAX_IN_FLIGHT, defaultMaxInFlight(pollers, senders), 1, 100_000);
        Duration visibility = config.seconds(VISIBILITY_TIMEOUT_SECONDS).orElse(d.visibilityTimeout);
        if (visibility.compareTo(Delivery.MAX_VISIBILITY) > 0) {
            throw new io.triggermesh.aws.adapter.AdapterConfigException(VISIBILITY_TIMEOUT_SECONDS,
                    "must be at most 43200 (12 hours), SQS's limit");
        }
        int maxReceives = config.integer(MAX_RECEIVES, d.maxReceives, 1, 1000);
        return new QueueConsumerSettings(pollers, senders, maxInFlight, visibility, d.waitTime, d.extendVisibility,
                d.deleteLinger, maxReceives, d.maxRetryDelay, d.drainTimeout);
    }

    public QueueConsumerSettings withConcurrency(int pollers, int senders) {
        return new QueueConsumerSettings(pollers, senders, defaultMaxInFlight(pollers, senders), visibilityTimeout,
                waitTime, extendVisibility, deleteLinger, maxReceives, maxRetryDelay, drainTimeout);
    }

    public QueueConsumerSettings withMaxInFlight(int value) {
        return new QueueConsumerSettings(pollers, senders, value, visibilityTimeout, waitTime, extendVisibility,
                deleteLinger, maxReceives, maxRetryDelay, drainTimeout);
    }

    public QueueConsumerSettings withVisibilityTimeout(Duration value) {
        return new QueueConsumerSettings(pollers, senders, maxInFlight, value, waitTime, extendVisibility,
                deleteLinger, maxReceives, maxRetryDelay, drainTimeout);
    }

    public QueueConsumerSettings withWaitTime(Duration value) {
        return new QueueConsumerSettings(pollers, senders, maxInFlight, visibilityTimeout, value, extendVisibility,
                deleteLinger, maxReceives, maxRetryDelay, drainTimeout);
    }

    public QueueConsumerSettings withMaxReceives(int value) {
        return new QueueConsumerSettings(pollers, senders, maxInFlight, visibilityTimeout, waitTime,
                extendVisibility, deleteLinger, value, maxRetryDelay, drainTimeout);
    }

    public QueueConsumerSettings withMaxRetryDelay(Duration value) {
        return new QueueConsumerSettings(pollers, senders, maxInFlight, visibilityTimeout, waitTime,
                extendVisibility, deleteLinger, maxReceives, value, drainTimeout);
    }

    public QueueConsumerSettings withDrainTimeout(Duration value) {
        return new QueueConsumerSettings(pollers, senders, maxInFlight, visibilityTimeout, waitTime,
                extendVisibility, deleteLinger, maxReceives, maxRetryDelay, value);
    }

    /**
     * Whether slow deliveries really get extensions: asked for, and a visibility timeout of at least 2 s to extend
     * (a quarter of it, at least 250 ms, is the extension period).
     */
    boolean extendsVisibility() {
        return extendVisibility && visibilityTimeout.toSeconds() >= 2;
    }

    static int defaultMaxInFlight(int pollers, int senders) {
        return 10 * pollers + 2 * senders;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
