package io.triggermesh.aws.adapter;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The one place that recognises AWS's "your session token expired" answer, and the state of one adapter's
 * credentials. Every client {@link AwsClients} builds carries this as an interceptor: the first call answered
 * {@code ExpiredToken} logs one warning and makes {@link #problem()} non-empty (targets answer {@code /health} with
 * 503 then); the first call AWS accepts again logs one line and clears it. So an expired session shows once, as
 * what it is, instead of once per call as "access denied".
 *
 * <p>{@link #problem()} reports an {@code ExpiredToken} for {@link #REPORTED_FOR} after the last one, not until a
 * call succeeds: a target answering 503 drops out of its Service's endpoints, so no event arrives, no AWS call is
 * made and nothing would ever clear it, although self-refreshing credentials (assume-role, IRSA, Pod Identity) have
 * long been renewed. Once it lapses the target takes events again, and the next call AWS refuses sets it again.
 */
public final class ExpiredCredentials implements ExecutionInterceptor {

    /** AWS's error codes for an expired session token (query and XML protocols; JSON protocols). */
    private static final Set<String> CODES = Set.of("ExpiredToken", "ExpiredTokenException");
    private static final System.Logger LOG = System.getLogger(ExpiredCredentials.class.getName());

    /** How long {@link #problem()} reports the last {@code ExpiredToken}. */
    static final Duration REPORTED_FOR = Duration.ofSeconds(30);

    private final String identity;
    private final LongSupplier nanoTime;
    /** Whether the last answer was ExpiredToken: the warning is logged once per such run, however long it lasts. */
    private boolean expired;
    /** {@link #nanoTime} of the last ExpiredToken answer. */
    private long lastExpiredAt;

    /** @param identity how the adapter gets its credentials, such as {@code static keys + session token} */
    ExpiredCredentials(String identity) {
        this(identity, System::nanoTime);
    }

    /** @param nanoTime the clock, {@link System#nanoTime} but in tests */
    ExpiredCredentials(String identity, LongSupplier nanoTime) {
        this.identity = identity;
        this.nanoTime = nanoTime;
    }

    /** Whether {@code code} is AWS's error code for an expired session token. */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /** Whether {@code e} (or one of its causes) is AWS refusing a call because the session token expired. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    && isCode(aws.awsErrorDetails().errorCode())) {
                return true;
            }
        }
        return false;
    }

    /** Empty while AWS accepts the credentials; else why not, for health checks (no credential in it). */
    public synchronized Optional<String> problem() {
        return expired && nanoTime.getAsLong() - lastExpiredAt < REPORTED_FOR.toNanos()
                ? Optional.of("the AWS credentials expired (ExpiredToken)") : Optional.empty();
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (expired) {
            expired = false;
            LOG.log(System.Logger.Level.INFO, "AWS accepts the credentials again");
        }
    }

    @Override
    public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!is(context.exception())) {
            return;
        }
        lastExpiredAt = nanoTime.getAsLong();
        if (!expired) {
            expired = true;
            LOG.log(System.Logger.Level.WARNING, () -> "AWS refuses the credentials (" + identity + "): the session "
                    + "token expired (ExpiredToken). Every AWS call fails until they are replaced: put a fresh "
                    + "session (key id, secret key and token together) into the Secret spec.auth names; the "
                    + "controller rolls the adapter out with it within a minute");
        }
    }
}
