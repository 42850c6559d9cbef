package io.triggermesh.aws.s3.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

class NotificationEntriesTest {

    private static final String OURS = "triggermesh-s3_ns_a_uid";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:triggermesh-s3_ns_a";

    private static final QueueConfiguration OTHER_QUEUE = QueueConfiguration.builder().id("someone-else")
            .queueArn("arn:aws:sqs:us-east-1:123456789012:theirs").eventsWithStrings("s3:ObjectRemoved:*")
            .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name("prefix").value("logs/").build())))
            .build();
    private static final TopicConfiguration TOPIC = TopicConfiguration.builder().id("topic")
            .topicArn("arn:aws:sns:us-east-1:123456789012:t").eventsWithStrings("s3:ObjectCreated:Copy").build();
    private static final LambdaFunctionConfiguration LAMBDA = LambdaFunctionConfiguration.builder().id("fn")
            .lambdaFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:f")
            .eventsWithStrings("s3:ObjectRestore:*").build();

    private static GetBucketNotificationConfigurationResponse bucketWith(QueueConfiguration... queues) {
        return GetBucketNotificationConfigurationResponse.builder()
                .queueConfigurations(queues)
                .topicConfigurations(TOPIC)
                .lambdaFunctionConfigurations(LAMBDA)
                .eventBridgeConfiguration(EventBridgeConfiguration.builder().build())
                .build();
    }

    private static QueueConfiguration ours(String... events) {
        return NotificationEntries.desired(OURS, QUEUE, List.of(events));
    }

    @Test
    void ourEntryIsAppendedAndEveryOtherConfigurationIsKept() {
        NotificationConfiguration written = NotificationEntries.withEntry(bucketWith(OTHER_QUEUE),
                ours("s3:ObjectCreated:*")).orElseThrow();

        assertThat(written.queueConfigurations()).containsExactly(OTHER_QUEUE, ours("s3:ObjectCreated:*"));
        assertThat(written.topicConfigurations()).containsExactly(TOPIC);
        assertThat(written.lambdaFunctionConfigurations()).containsExactly(LAMBDA);
        assertThat(written.eventBridgeConfiguration()).isNotNull();
    }

    @Test
    void ourChangedEntryIsReplacedInPlace() {
        NotificationConfiguration written = NotificationEntries.withEntry(
                bucketWith(ours("s3:ObjectCreated:*"), OTHER_QUEUE), ours("s3:ObjectRemoved:Delete")).orElseThrow();

        assertThat(written.queueConfigurations()).containsExactly(ours("s3:ObjectRemoved:Delete"), OTHER_QUEUE);
    }

    @Test
    void anEquivalentEntryNeedsNoWriteWhateverTheOrderOfEvents() {
        GetBucketNotificationConfigurationResponse current =
                bucketWith(OTHER_QUEUE, ours("s3:ObjectRemoved:*", "s3:ObjectCreated:*"));

        assertThat(NotificationEntries.withEntry(current, ours("s3:ObjectCreated:*", "s3:ObjectRemoved:*")))
                .isEmpty();
    }

    @Test
    void anEntryWithOurIdButAnotherQueueOrAFilterIsRewritten() {
        QueueConfiguration otherQueue = ours("s3:ObjectCreated:*").toBuilder().queueArn("arn:aws:sqs:x:1:q").build();
        QueueConfiguration filtered = OTHER_QUEUE.toBuilder().id(OURS).queueArn(QUEUE)
                .eventsWithStrings("s3:ObjectCreated:*").build();

        assertThat(NotificationEntries.withEntry(bucketWith(otherQueue), ours("s3:ObjectCreated:*"))).isPresent();
        assertThat(NotificationEntries.withEntry(bucketWith(filtered), ours("s3:ObjectCreated:*"))).isPresent();
    }

    @Test
    void duplicateEventTypesInTheSpecAreWrittenOnce() {
        assertThat(ours("s3:ObjectCreated:*", "s3:ObjectCreated:*").eventsAsStrings())
                .containsExactly("s3:ObjectCreated:*");
    }

    @Test
    void removingOurEntryKeepsEveryOtherConfiguration() {
        NotificationConfiguration written = NotificationEntries.withoutEntry(
                bucketWith(OTHER_QUEUE, ours("s3:ObjectCreated:*")), OURS).orElseThrow();

        assertThat(written.queueConfigurations()).containsExactly(OTHER_QUEUE);
        assertThat(written.topicConfigurations()).containsExactly(TOPIC);
        assertThat(written.lambdaFunctionConfigurations()).containsExactly(LAMBDA);
    }

    @Test
    void removingAnAbsentEntryWritesNothing() {
        assertThat(NotificationEntries.withoutEntry(bucketWith(OTHER_QUEUE), OURS)).isEqualTo(Optional.empty());
    }
}
