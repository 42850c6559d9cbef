package io.triggermesh.aws.auth.credentials;

import java.util.Objects;

/**
 * The credentials the controller uses for one object, and how status describes them.
 *
 * @param handle the chain; close it when the object's auth changes or the object is gone
 * @param description what status shows, e.g. {@code object credentials (Secret aws)}; never secret material
 */
public record ResolvedIdentity(CredentialsHandle handle, String description) implements AutoCloseable {

    public ResolvedIdentity {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public void close() {
        handle.close();
    }
}
