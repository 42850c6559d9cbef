package io.triggermesh.aws.auth.credentials;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A credentials provider together with everything that was created to serve it (STS clients, caching STS
 * providers, the SDK default chain). Give {@link #provider()} to as many SDK clients as you like; close the handle
 * once when they are gone.
 *
 * <p>{@link #description()} says which chain this is ("static keys → assume role arn:..."), never with secrets, and
 * is also what {@link #toString()} prints.
 */
public final class CredentialsHandle implements AutoCloseable {

    private final AwsCredentialsProvider provider;
    private final String description;
    private final List<AutoCloseable> owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    CredentialsHandle(AwsCredentialsProvider provider, String description, List<AutoCloseable> owned) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.description = Objects.requireNonNull(description, "description");
        this.owned = List.copyOf(owned);
    }

    /**
     * Wraps a provider that someone else owns; closing the handle leaves it alone. For callers (and tests) that
     * already hold a provider and need to pass it where a handle is expected.
     */
    public static CredentialsHandle unowned(AwsCredentialsProvider provider, String description) {
        return new CredentialsHandle(provider, description, List.of());
    }

    public AwsCredentialsProvider provider() {
        return provider;
    }

    /** Which chain this is, for logs and status; never contains secret material. */
    public String description() {
        return description;
    }

    /**
     * Closes what this handle created, outermost first (the order they were created in, reversed). Idempotent.
     * The first failure is rethrown after every part had its chance to close.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        List<AutoCloseable> reversed = new ArrayList<>(owned);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing credentials (" + description + ") failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "CredentialsHandle[" + description + "]";
    }
}
