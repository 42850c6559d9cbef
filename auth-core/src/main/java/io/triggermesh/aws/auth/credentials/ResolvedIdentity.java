package io.triggermesh.aws.auth.credentials;

import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.util.Objects;

/**
 * The credentials the controller uses for one object, and how status describes them.
 *
 * @param handle the chain; close it when the object's auth changes or the object is gone
 * @param description what status shows, e.g. {@code object credentials (Secret aws)}; never secret material
 * @param redactor masks the object's own values in play (key id, secret key, session token, ExternalId) and
 *     credential shapes; pass every message built from an AWS error made with this identity through it, since AWS
 *     echoes the signed request in some of them
 */
public record ResolvedIdentity(CredentialsHandle handle, String description, CredentialRedactor redactor)
        implements AutoCloseable {

    public ResolvedIdentity {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(redactor, "redactor");
    }

    /** An identity whose values are not known here (the SDK's chain): its redactor masks credential shapes. */
    public ResolvedIdentity(CredentialsHandle handle, String description) {
        this(handle, description, CredentialRedactor.shapes());
    }

    @Override
    public void close() {
        handle.close();
    }
}
