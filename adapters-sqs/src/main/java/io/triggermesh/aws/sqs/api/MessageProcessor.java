package io.triggermesh.aws.sqs.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How an AWSSQSSource turns a message into a CloudEvent ({@code spec.messageProcessor}).
 */
public enum MessageProcessor {
    /** One {@code com.amazon.sqs.message} event per message. */
    DEFAULT("default"),
    /** Messages are S3 event notifications: one event per S3 record, as an AWSS3Source would emit. */
    S3("s3"),
    /** Messages are EventBridge events delivered by a rule: the EventBridge envelope is unwrapped. */
    EVENTBRIDGE("eventbridge");

    private final String jsonName;

    MessageProcessor(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The value as written in the spec. */
    public String jsonName() {
        return jsonName;
    }

    /** The processor named {@code value}; {@link #DEFAULT} when {@code value} is null (the field was omitted). */
    public static Optional<MessageProcessor> fromJson(String value) {
        if (value == null) {
            return Optional.of(DEFAULT);
        }
        return Arrays.stream(values()).filter(p -> p.jsonName.equals(value)).findFirst();
    }

    /** Every accepted spec value. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(MessageProcessor::jsonName).toList();
    }
}
