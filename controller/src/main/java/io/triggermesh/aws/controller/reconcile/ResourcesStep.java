package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.auth.credentials.CredentialsUnavailableException;
import io.triggermesh.aws.auth.credentials.ObjectCredentials;
import io.triggermesh.aws.auth.credentials.ResolvedIdentity;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.ResourceOutcome;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a plugin's resource hooks with the object's own AWS identity (auth-core decides which), and sorts failures
 * into transient (retried with backoff), access denied (condition naming the action, slow retry) and permanent
 * (condition, no retry until the object changes).
 *
 * <p>AWS echoes the signed request (the key id, the session token) in some error messages, so every message built
 * from a failure passes through the identity's redactor, which knows the object's own values as well as credential
 * shapes, before it becomes a condition, an Event or a log line.
 */
final class ResourcesStep {

    private static final Logger LOG = LoggerFactory.getLogger(ResourcesStep.class);
    /** IAM and Secret fixes happen outside the cluster's view: look again now and then, never in a hot loop. */
    static final Duration SLOW_RETRY = Duration.ofMinutes(2);

    private final ObjectCredentials credentials;
    private final AdapterSettings settings;

    ResourcesStep(ObjectCredentials credentials, AdapterSettings settings) {
        this.credentials = credentials;
        this.settings = settings;
    }

    /** What an ensure that worked returned, and the identity it acted as. */
    record Ensured(ResourceOutcome outcome, String identity) {
    }

    /** The ensure as a step: {@link Ensured} when it worked (no value when not), ResourcesReady, what to do next. */
    <S> StepOutcome<Ensured> ensure(ConnectorKind<S> kind, ObjectContext<S> object, OwnerObject owner, AwsAuth auth,
                       String serviceAccountName) {
        CredentialRedactor redactor = CredentialRedactor.shapes();
        try (ResolvedIdentity identity = credentials.resolve(owner, auth, serviceAccountName)) {
            redactor = identity.redactor();
            AwsAccess access = new AwsAccess(identity.handle().provider(), settings.region(), settings.endpoint(),
                    identity.description());
            ResourceOutcome outcome = kind.ensureResources(object, access);
            return StepOutcome.of(new Ensured(outcome, identity.description()), Condition.isTrue(
                    Condition.RESOURCES_READY, "ResourcesReady", "AWS resources are in place (acting as "
                            + identity.description() + ")"), Result.done(), List.of());
        } catch (CredentialsUnavailableException e) {
            return StepOutcome.blocked(Condition.isFalse(Condition.RESOURCES_READY, "CredentialsUnavailable",
                    redactor.redact(e.getMessage())), Result.requeueAfter(SLOW_RETRY));
        } catch (AwsResourceException e) {
            return failed(owner, e, redactor);
        } catch (RuntimeException e) {
            LOG.warn("{}: managing AWS resources failed: {}", owner.displayName(), redactor.redact(e.toString()));
            return StepOutcome.blocked(Condition.isFalse(Condition.RESOURCES_READY, "AwsError",
                    "managing AWS resources failed, will retry: " + redactor.redact(e.getMessage())),
                    Result.retry("AwsError"));
        }
    }

    /**
     * Runs the cleanup hook; throws what it throws, except that it reports a missing Secret distinctly and that a
     * failure's message has the object's credentials masked (it ends up in a Warning Event).
     */
    <S> void cleanup(ConnectorKind<S> kind, ObjectContext<S> object, OwnerObject owner, AwsAuth auth,
                     String serviceAccountName) {
        try (ResolvedIdentity identity = credentials.resolve(owner, auth, serviceAccountName)) {
            try {
                kind.cleanupResources(object, new AwsAccess(identity.handle().provider(), settings.region(),
                        settings.endpoint(), identity.description()));
            } catch (CredentialsUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                // No cause: its message is the unmasked one.
                throw new CleanupFailedException(identity.redactor().redact(String.valueOf(e.getMessage())));
            }
        }
    }

    /** A cleanup hook's failure, with the message masked. */
    static final class CleanupFailedException extends RuntimeException {
        CleanupFailedException(String message) {
            super(message);
        }
    }

    private static StepOutcome<Ensured> failed(OwnerObject owner, AwsResourceException e, CredentialRedactor redactor) {
        String message = redactor.redact(e.getMessage());
        return switch (e.kind()) {
            case TRANSIENT -> StepOutcome.blocked(Condition.isFalse(Condition.RESOURCES_READY,
                    "AwsTransientError", message + "; retrying with backoff"), Result.retry("AwsTransientError"));
            case ACCESS_DENIED -> StepOutcome.blocked(Condition.isFalse(Condition.RESOURCES_READY, "AccessDenied",
                    e.missingAction().map(a -> "AWS denied " + a + ": grant it to the identity in spec.auth"
                            + " (see `controller.jar policy " + owner.kind() + "`). ").orElse("")
                            + message), Result.requeueAfter(SLOW_RETRY));
            case PERMANENT -> StepOutcome.blocked(Condition.isFalse(Condition.RESOURCES_READY, "AwsResourceError",
                    message), Result.done());
        };
    }
}
