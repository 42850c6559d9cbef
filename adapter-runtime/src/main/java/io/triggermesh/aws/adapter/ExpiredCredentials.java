package io.triggermesh.aws.adapter;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
public final class ExpiredCredentials implements ExecutionInterceptor {

    /** AWS's error codes for an expired session token (query and XML protocols; JSON protocols). */
    private static final Set<String> CODES = Set.of("ExpiredToken", "ExpiredTokenException");
    private static final System.Logger LOG = System.getLogger(ExpiredCredentials.class.getName());

    private final String identity;
    private final AtomicBoolean expired = new AtomicBoolean();

    /** @param identity how the adapter gets its credentials, such as {@code static keys + session token} */
    ExpiredCredentials(String identity) {
        this.identity = identity;
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
    public Optional<String> problem() {
        return expired.get() ? Optional.of("the AWS credentials expired (ExpiredToken)") : Optional.empty();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (expired.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "AWS accepts the credentials again");
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (is(context.exception()) && expired.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, () -> "AWS refuses the credentials (" + identity + "): the session "
                    + "token expired (ExpiredToken). Every AWS call fails until they are replaced: put a fresh "
                    + "session (key id, secret key and token together) into the Secret spec.auth names; the "
                    + "controller rolls the adapter out with it within a minute");
        }
    }
}
