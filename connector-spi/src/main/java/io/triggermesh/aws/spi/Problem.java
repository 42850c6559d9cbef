package io.triggermesh.aws.spi;

import java.util.Objects;

/**
 * One thing wrong with an object, precise enough for a person to fix it.
 *
 * @param path JSON path from the object root, for example {@code spec.auth.credentials.accessKeyID}
 * @param message what is wrong and how to fix it; never contains secret values
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
