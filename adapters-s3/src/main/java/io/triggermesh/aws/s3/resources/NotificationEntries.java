package io.triggermesh.aws.s3.resources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * A bucket's notification configuration is one document shared by everyone who subscribes to the bucket. These
 * functions change only the one queue entry that belongs to a source (found by its Id) and carry every other entry,
 * of every type, over unchanged. They return empty when nothing needs writing, so a pass that finds the bucket as
 * it should be makes no write (and S3 sends no test event).
 */
final class NotificationEntries {

    private NotificationEntries() {
    }

    /** The entry that sends {@code eventTypes} of the bucket to {@code queueArn}, without filters. */
    static QueueConfiguration desired(String id, String queueArn, List<String> eventTypes) {
        return QueueConfiguration.builder()
                .id(id)
                .queueArn(queueArn)
                .eventsWithStrings(List.copyOf(new LinkedHashSet<>(eventTypes)))
                .build();
    }

    /** The entry with {@code id}, if the bucket has one. */
    static Optional<QueueConfiguration> find(GetBucketNotificationConfigurationResponse current, String id) {
        return current.queueConfigurations().stream().filter(q -> id.equals(q.id())).findFirst();
    }

    /**
     * The configuration to write so that the bucket holds {@code wanted} (replacing an entry with the same Id in
     * place, else appended), or empty when an equivalent entry is there already.
     */
    static Optional<NotificationConfiguration> withEntry(GetBucketNotificationConfigurationResponse current,
                                                        QueueConfiguration wanted) {
        Optional<QueueConfiguration> existing = find(current, wanted.id());
        if (existing.isPresent() && equivalent(existing.get(), wanted)) {
            return Optional.empty();
        }
        List<QueueConfiguration> queues = new ArrayList<>();
        boolean replaced = false;
        for (QueueConfiguration queue : current.queueConfigurations()) {
            if (wanted.id().equals(queue.id())) {
                if (!replaced) {
                    queues.add(wanted);
                    replaced = true;
                }
            } else {
                queues.add(queue);
            }
        }
        if (!replaced) {
            queues.add(wanted);
        }
        return Optional.of(copyWith(current, queues));
    }

    /** The configuration without the entry {@code id}, or empty when the bucket has no such entry. */
    static Optional<NotificationConfiguration> withoutEntry(GetBucketNotificationConfigurationResponse current,
                                                           String id) {
        if (find(current, id).isEmpty()) {
            return Optional.empty();
        }
        List<QueueConfiguration> queues = current.queueConfigurations().stream()
                .filter(q -> !id.equals(q.id())).toList();
        return Optional.of(copyWith(current, queues));
    }

    /** Same queue, same set of events, no filter. */
    static boolean equivalent(QueueConfiguration existing, QueueConfiguration wanted) {
        return wanted.queueArn().equals(existing.queueArn())
                && Set.copyOf(existing.eventsAsStrings()).equals(Set.copyOf(wanted.eventsAsStrings()))
                && (existing.filter() == null || existing.filter().key() == null
                    || existing.filter().key().filterRules().isEmpty());
    }

    private static NotificationConfiguration copyWith(GetBucketNotificationConfigurationResponse current,
                                                      List<QueueConfiguration> queues) {
        return NotificationConfiguration.builder()
                .topicConfigurations(current.topicConfigurations())
                .queueConfigurations(queues)
                .lambdaFunctionConfigurations(current.lambdaFunctionConfigurations())
                .eventBridgeConfiguration(current.eventBridgeConfiguration())
                .build();
    }
}
