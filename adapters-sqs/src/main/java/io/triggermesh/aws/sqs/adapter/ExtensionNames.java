package io.triggermesh.aws.sqs.adapter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CloudEvent extension names for SQS message attributes. The CloudEvents spec allows only lowercase letters and
 * digits, so {@code Trace-Id} becomes {@code traceid}; names that clean up to nothing or to a context attribute of
 * the spec ({@code id}, {@code type}, ...) get no extension (the attribute stays in the event data).
 */
final class ExtensionNames {

    private static final Set<String> RESERVED = Set.of("specversion", "id", "source", "type", "datacontenttype",
            "dataschema", "subject", "time", "data", "schemaurl", "datacontentencoding");

    private ExtensionNames() {
    }

    /** The extension name for a message attribute, when it can have one. */
    static Optional<String> of(String attributeName) {
        if (attributeName == null) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder(attributeName.length());
        for (char c : attributeName.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                name.append(c);
            }
        }
        String result = name.toString();
        return result.isEmpty() || RESERVED.contains(result) ? Optional.empty() : Optional.of(result);
    }
}
