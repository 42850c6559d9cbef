package io.triggermesh.aws.s3.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The S3 event names a bucket notification can subscribe to, as AWS documents them (and as the S3 API model lists
 * them), and the CloudEvent type each event becomes.
 */
public final class S3EventTypes {

    /** Every event name accepted in {@code spec.eventTypes}. */
    public static final List<String> ALL = List.of(
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
            "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
            "s3:ReducedRedundancyLostObject",
            "s3:Replication:*", "s3:Replication:OperationFailedReplication",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:Replication:OperationNotTracked",
            "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
            "s3:LifecycleExpiration:DeleteMarkerCreated",
            "s3:LifecycleTransition",
            "s3:IntelligentTiering",
            "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
            "s3:ObjectAcl:Put",
            "s3:ObjectAnnotation:*", "s3:ObjectAnnotation:Put", "s3:ObjectAnnotation:Delete");

    /** The message S3 sends when a notification configuration is saved; not something one subscribes to. */
    public static final String TEST_EVENT = "s3:TestEvent";

    /** Prefix of every CloudEvent type the source emits. */
    public static final String CLOUD_EVENT_TYPE_PREFIX = "com.amazon.s3.";

    /** Every CloudEvent type an AWSS3Source emits: one per event family, plus the test event. */
    public static final List<String> CLOUD_EVENT_TYPES = cloudEventTypes();

    private S3EventTypes() {
    }

    public static boolean isKnown(String eventName) {
        return ALL.contains(eventName);
    }

    /**
     * The known event name a user probably meant by {@code eventName}: the same name in another letter case, or
     * without the {@code s3:} prefix. Empty when nothing is close.
     */
    public static Optional<String> suggestion(String eventName) {
        String wanted = eventName.toLowerCase(Locale.ROOT);
        String withPrefix = wanted.startsWith("s3:") ? wanted : "s3:" + wanted;
        return ALL.stream().filter(known -> known.toLowerCase(Locale.ROOT).equals(withPrefix)).findFirst();
    }

    /**
     * The CloudEvent type of an S3 event name as it appears in notification records ({@code ObjectCreated:Put}) or in
     * configurations ({@code s3:ObjectCreated:Put}): {@code com.amazon.s3.objectcreated}. The test event gives
     * {@code com.amazon.s3.testevent}.
     */
    public static String cloudEventType(String eventName) {
        String name = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
        int colon = name.indexOf(':');
        String family = colon < 0 ? name : name.substring(0, colon);
        return CLOUD_EVENT_TYPE_PREFIX + family.toLowerCase(Locale.ROOT);
    }

    private static List<String> cloudEventTypes() {
        Set<String> types = new LinkedHashSet<>();
        ALL.forEach(name -> types.add(cloudEventType(name)));
        types.add(cloudEventType(TEST_EVENT));
        return List.copyOf(types);
    }
}
