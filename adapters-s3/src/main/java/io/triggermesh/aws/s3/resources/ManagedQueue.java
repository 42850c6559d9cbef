package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.spi.AwsResourceException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * The SQS queue the controller manages for one AWSS3Source: found by its deterministic name, created when missing
 * with the owner's tags, and changed or deleted only while those tags name this owner.
 */
final class ManagedQueue {

    static final String GET_URL = "sqs:GetQueueUrl";
    static final String CREATE = "sqs:CreateQueue";
    static final String LIST_TAGS = "sqs:ListQueueTags";
    static final String GET_ATTRIBUTES = "sqs:GetQueueAttributes";
    static final String SET_ATTRIBUTES = "sqs:SetQueueAttributes";
    static final String DELETE = "sqs:DeleteQueue";

    /**
     * The smallest MaximumMessageSize the queue may have: 256 KiB, the classic SQS maximum. An S3 notification is a
     * few KiB; a smaller limit set by hand could make S3 drop events, a larger one is left alone.
     */
    static final int MIN_MESSAGE_SIZE = 262_144;

    private final SqsClient sqs;
    private final String name;
    private final SourceOwner owner;

    ManagedQueue(SqsClient sqs, String name, SourceOwner owner) {
        this.sqs = sqs;
        this.name = name;
        this.owner = owner;
    }

    /**
     * Creates the queue if missing, checks it is ours, and gives it the policy (built by {@code policyFor} from the
     * queue's ARN) and the message size it needs. Writes attributes only when they differ.
     */
    QueueRef ensure(Function<String, QueuePolicy> policyFor) {
        String url = find().map(this::requireOwned).orElseGet(this::create);
        Map<String, String> attributes = AwsCalls.call(GET_ATTRIBUTES, describe(), () -> sqs.getQueueAttributes(
                r -> r.queueUrl(url).attributeNamesWithStrings(QueueAttributeName.QUEUE_ARN.toString(),
                        QueueAttributeName.POLICY.toString(), QueueAttributeName.MAXIMUM_MESSAGE_SIZE.toString())))
                .attributesAsStrings();
        String arn = attributes.get(QueueAttributeName.QUEUE_ARN.toString());
        QueuePolicy policy = policyFor.apply(arn);
        Map<String, String> changes = new HashMap<>();
        if (!policy.isSatisfiedBy(attributes.get(QueueAttributeName.POLICY.toString()))) {
            changes.put(QueueAttributeName.POLICY.toString(), policy.json());
        }
        if (messageSize(attributes) < MIN_MESSAGE_SIZE) {
            changes.put(QueueAttributeName.MAXIMUM_MESSAGE_SIZE.toString(), Integer.toString(MIN_MESSAGE_SIZE));
        }
        if (!changes.isEmpty()) {
            AwsCalls.call(SET_ATTRIBUTES, describe(), () -> sqs.setQueueAttributes(
                    r -> r.queueUrl(url).attributesWithStrings(changes)));
        }
        return new QueueRef(url, arn);
    }

    /** Deletes the queue if it exists and is ours. Returns whether it deleted. */
    boolean deleteIfOwned() {
        Optional<String> url = find().filter(this::isOwned);
        url.ifPresent(u -> AwsCalls.call(DELETE, describe(), () -> {
            try {
                return sqs.deleteQueue(r -> r.queueUrl(u));
            } catch (QueueDoesNotExistException e) {
                return null;  // deleted meanwhile
            }
        }));
        return url.isPresent();
    }

    /** The queue's URL, when it exists. */
    Optional<String> find() {
        return AwsCalls.call(GET_URL, describe(), () -> {
            try {
                return Optional.of(sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
            } catch (QueueDoesNotExistException e) {
                return Optional.empty();
            }
        });
    }

    private String create() {
        try {
            return AwsCalls.call(CREATE, describe(), () -> sqs.createQueue(r -> r.queueName(name)
                    .tags(owner.tags())
                    .attributesWithStrings(Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE.toString(),
                            Integer.toString(MIN_MESSAGE_SIZE)))).queueUrl());
        } catch (AwsResourceException e) {
            // Created by a concurrent pass (or by someone else) with other attributes between find and create.
            if (e.getCause() instanceof QueueNameExistsException) {
                return find().map(this::requireOwned).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private String requireOwned(String url) {
        if (isOwned(url)) {
            return url;
        }
        throw AwsResourceException.permanent("queue " + name + " exists but was not created for " + owner.displayName()
                + " (its tag " + SourceOwner.OWNER_UID_TAG + " names another object); delete or rename that queue, or"
                + " set spec.destination.sqs.queueARN to use it as your own queue", null);
    }

    private boolean isOwned(String url) {
        Map<String, String> tags = AwsCalls.call(LIST_TAGS, describe(), () -> {
            try {
                return sqs.listQueueTags(r -> r.queueUrl(url)).tags();
            } catch (QueueDoesNotExistException e) {
                return Map.<String, String>of();
            }
        });
        return owner.owns(tags);
    }

    private static int messageSize(Map<String, String> attributes) {
        try {
            return Integer.parseInt(attributes.getOrDefault(QueueAttributeName.MAXIMUM_MESSAGE_SIZE.toString(), "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String describe() {
        return "queue " + name;
    }
}
