package io.triggermesh.aws.spi;

import io.triggermesh.aws.spi.api.Shown;
import java.util.Objects;

/**
 * One thing wrong with an object, precise enough for a person to fix it.
 *
 * @param path JSON path from the object root, for example {@code spec.auth.credentials.accessKeyID}
 * @param message what is wrong and how to fix it; never contains secret values. Values the user wrote are shown
 *     with {@link Shown#quoted}; control characters left in path or message are escaped here as a last guard, so
 *     that a problem is always one line wherever it is printed
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        path = Shown.escaped(path);
        message = Shown.escaped(message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
