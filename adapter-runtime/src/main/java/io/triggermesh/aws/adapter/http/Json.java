package io.triggermesh.aws.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * The receiver's one jackson-core factory, with Jackson's defaults (those an {@code ObjectMapper} reads and writes
 * with): {@link EventChecks} parses event data with it, {@link Responses} writes failure bodies. Made with the first
 * event or failure, not with {@code /health}.
 */
final class Json {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }
}
