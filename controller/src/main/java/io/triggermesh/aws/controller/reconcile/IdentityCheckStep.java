package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.auth.credentials.CallerIdentity;
import io.triggermesh.aws.auth.credentials.IdentityCheckException;
import io.triggermesh.aws.auth.credentials.ObjectCredentials;
import io.triggermesh.aws.auth.credentials.PodIdentityAgentException;
import io.triggermesh.aws.auth.credentials.ResolvedIdentity;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shows on the object which AWS identity its credentials resolve to ({@code status.auth}): the controller builds
 * the object's chain as auth-core builds it for the adapter and asks {@code sts:GetCallerIdentity}, once per
 * credential source per interval ({@link IdentityCache}). A refusal turns {@code CredentialsReady} False with
 * a fix-it message ({@link StsFailures}); the reconciler's transitions make that a Warning Event.
 *
 * <p>Pod Identity objects ({@code iam} without {@code roleArn}) are checked the way their adapter gets its role:
 * the EKS Pod Identity agent hands the association's session out for a token of the ServiceAccount, using the
 * node's role, so the controller needs nothing beyond {@code sts:GetCallerIdentity} and
 * {@code serviceaccounts/token} ({@link PodIdentityFailures} maps the agent's refusals).
 *
 * <p>Never in an adapter's path: only the controller checks, and only on reconcile passes.
 */
final class IdentityCheckStep {

    /** Unanswered checks are asked again after this, not at the next resync. */
    static final Duration RETRY_UNANSWERED = Duration.ofMinutes(1);

    /** Asks AWS who an object's credentials are; {@link #probe(ObjectCredentials)} is the real one. */
    @FunctionalInterface
    interface Probe {
        IdentityVerdict check(OwnerObject owner, AwsAuth auth, String serviceAccountName);
    }

    /**
     * @param enabled false when the operator forbids the controller to use objects' credentials for checks
     *     ({@code triggermesh.controller.identity-check})
     * @param window how long a verdict is kept per credential source
     *     ({@code triggermesh.controller.identity-check-interval})
     */
    record Settings(boolean enabled, Duration window) {
    }

    private final Probe probe;
    private final boolean enabled;
    private final IdentityCache cache;

    IdentityCheckStep(Probe probe, Settings settings, Clock clock) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.enabled = settings.enabled();
        this.cache = new IdentityCache(clock, settings.window(), RETRY_UNANSWERED);
    }

    /** Resolves the object's chain with auth-core and asks STS, mapping refusals in {@link StsFailures}. */
    static Probe probe(ObjectCredentials credentials) {
        return (owner, auth, serviceAccountName) -> {
            CredentialRedactor redactor = CredentialRedactor.shapes();
            try (ResolvedIdentity identity = credentials.resolve(owner, auth, serviceAccountName)) {
                redactor = identity.redactor();
                CallerIdentity caller = credentials.callerIdentity(identity);
                return new IdentityVerdict.Checked(caller.arn(), caller.account(), caller.expiresAt().orElse(null));
            } catch (IdentityCheckException e) {
                return StsFailures.classify(e, owner, auth, serviceAccountName, redactor);
            } catch (PodIdentityAgentException e) {
                return PodIdentityFailures.classify(e, owner, serviceAccountName);
            } catch (RuntimeException e) {
                // A token that could not be minted, a Secret gone since the Secrets step looked: not AWS's answer.
                return new IdentityVerdict.Unanswered("the identity could not be checked, will retry: "
                        + redactor.redact(String.valueOf(e.getMessage())));
            }
        };
    }

    /**
     * The check as a pipeline step that writes nothing: its value is {@code status.auth}, its condition a
     * {@code CredentialsReady} that replaces the Secrets' one when AWS refused ({@code null} otherwise), its result
     * when to look again.
     *
     * @param credentialsVersion the referenced Secrets' version digest from the Secrets step
     * @param credentialsAvailable whether the Secrets step found every referenced Secret and key
     */
    StepOutcome<Map<String, Object>> apply(OwnerObject owner, AwsAuth auth, String serviceAccountName, String credentialsVersion,
                  boolean credentialsAvailable) {
        AuthMode mode = AuthMode.of(auth);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("mode", mode.label());
        if (!enabled) {
            return notChecked(status, "not checked: the operator turned identity checks off"
                    + " (triggermesh.controller.identity-check=false), so the controller does not use objects'"
                    + " credentials to ask AWS who they are");
        }
        if (!credentialsAvailable) {
            return notChecked(status, "not checked: the credentials are not available (see CredentialsReady)");
        }
        IdentityCache.Entry entry = cache.verdict(
                CredentialSource.fingerprint(owner, auth, serviceAccountName, credentialsVersion),
                () -> probe.check(owner, auth, serviceAccountName));
        IdentityCache.Entry standing = entry.standing();
        if (entry.verdict() instanceof IdentityVerdict.Unanswered unanswered) {
            if (standing == null) {
                status.put("notChecked", unanswered.message());
                return outcome(status, null, Result.requeueAfter(RETRY_UNANSWERED));
            }
            // A re-check STS did not answer (throttled, 5xx, timeout) does not undo what it last said: Ready would
            // flap with every transient error. The verdict stands, with why it could not be renewed.
            Condition condition = show(status, standing);
            status.put("lastError", unanswered.message());
            return outcome(status, condition, Result.requeueAfter(RETRY_UNANSWERED));
        }
        return outcome(status, show(status, standing), Result.done());
    }

    /** Puts a lasting verdict into {@code status}; returns its {@code CredentialsReady} condition, if any. */
    private static Condition show(Map<String, Object> status, IdentityCache.Entry lasting) {
        String checkedAt = lasting.checkedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        if (lasting.verdict() instanceof IdentityVerdict.Checked checked) {
            status.put("identity", checked.arn());
            status.put("account", checked.account());
            if (checked.expiresAt() != null) {
                status.put("expiresAt", checked.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            status.put("checkedAt", checkedAt);
            return null;
        }
        IdentityVerdict.Refused refused = (IdentityVerdict.Refused) lasting.verdict();
        status.put("checkedAt", checkedAt);
        status.put("error", refused.reason());
        return Condition.isFalse(Condition.CREDENTIALS_READY, refused.reason(), refused.message());
    }

    private static StepOutcome<Map<String, Object>> notChecked(Map<String, Object> status, String why) {
        status.put("notChecked", why);
        return outcome(status, null, Result.done());
    }

    private static StepOutcome<Map<String, Object>> outcome(Map<String, Object> auth, Condition condition,
                                                            Result result) {
        return StepOutcome.of(auth, condition, result, List.of());
    }
}
