package io.triggermesh.aws.auth.env;

import io.triggermesh.aws.auth.model.SecretKeyRef;
import io.triggermesh.aws.spi.AdapterEnv;
import java.util.Objects;

/**
 * One environment variable of an adapter container: a plain value or a reference to a key of a Secret, never both.
 *
 * <p>The credential variables ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN})
 * are refused as plain values, so a credential cannot end up readable in a Deployment by mistake. {@link #toString()}
 * never prints a plain value either, in case a caller puts something sensitive in one.
 *
 * @param name the variable name
 * @param value the plain value, or {@code null} when {@code secretRef} is set
 * @param secretRef the Secret key to read the value from, or {@code null} when {@code value} is set
 */
public record EnvVar(String name, String value, SecretKeyRef secretRef) {

    public EnvVar {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("env variable name must not be empty");
        }
        if ((value == null) == (secretRef == null)) {
            throw new IllegalArgumentException("env variable " + name + " needs exactly one of value or secretRef");
        }
        if (value != null && AdapterEnv.STATIC_CREDENTIALS.contains(name)) {
            // The message deliberately leaves the value out.
            throw new IllegalArgumentException("env variable " + name + " holds a credential and must use secretRef");
        }
        if (secretRef != null && (secretRef.name() == null || secretRef.key() == null)) {
            throw new IllegalArgumentException("env variable " + name + " needs a Secret name and key");
        }
    }

    public static EnvVar plain(String name, String value) {
        return new EnvVar(name, Objects.requireNonNull(value, "value"), null);
    }

    public static EnvVar fromSecret(String name, SecretKeyRef ref) {
        return new EnvVar(name, null, Objects.requireNonNull(ref, "ref"));
    }

    public static EnvVar fromSecret(String name, String secretName, String key) {
        return fromSecret(name, new SecretKeyRef(secretName, key));
    }

    public boolean isSecretRef() {
        return secretRef != null;
    }

    @Override
    public String toString() {
        if (secretRef != null) {
            return "EnvVar[name=" + name + ", secretKeyRef=" + secretRef.name() + "/" + secretRef.key() + "]";
        }
        return "EnvVar[name=" + name + ", value=***]";
    }
}
