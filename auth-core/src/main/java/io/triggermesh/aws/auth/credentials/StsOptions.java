package io.triggermesh.aws.auth.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.auth.StsCredentialsProvider;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * How the factory's STS clients and caching providers behave. Production code uses {@link #DEFAULT}; tests in this
 * package add interceptors (to count STS calls) or shift the refresh window (to force refreshes).
 *
 * @param interceptors added to every STS client the factory builds
 * @param prefetchTime how long before expiry a refresh starts; the caller that sees it refreshes synchronously
 * @param staleTime how long before expiry cached credentials are no longer handed out at all
 * @param callTimeouts bounds on each STS call (all attempts, and one attempt), or null for the SDK's defaults
 */
record StsOptions(List<ExecutionInterceptor> interceptors, Duration prefetchTime, Duration staleTime,
                  CallTimeouts callTimeouts) {

    /**
     * Bounds on an STS call, for the controller's identity check: without them a check against an unreachable STS
     * takes the SDK's 30 s socket timeout per attempt, three attempts, while the object's reconcile waits.
     *
     * @param call the whole call, retries included ({@code apiCallTimeout})
     * @param attempt one attempt ({@code apiCallAttemptTimeout})
     */
    record CallTimeouts(Duration call, Duration attempt) {

        /** What {@link ObjectCredentials#forIdentityChecks()} uses: STS answers in well under a second. */
        static final CallTimeouts IDENTITY_CHECK = new CallTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5));

        CallTimeouts {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(attempt, "attempt");
        }
    }

    /**
     * Refresh 5 minutes before expiry and never hand out credentials with less than 1 minute left; with the
     * shortest STS session (15 minutes) that still leaves 10 minutes between refreshes.
     */
    static final StsOptions DEFAULT = new StsOptions(List.of(), Duration.ofMinutes(5), Duration.ofMinutes(1), null);

    StsOptions {
        interceptors = List.copyOf(interceptors);
        Objects.requireNonNull(prefetchTime, "prefetchTime");
        Objects.requireNonNull(staleTime, "staleTime");
    }

    StsOptions withInterceptors(ExecutionInterceptor... added) {
        return new StsOptions(List.of(added), prefetchTime, staleTime, callTimeouts);
    }

    StsOptions withRefreshWindow(Duration prefetch, Duration stale) {
        return new StsOptions(interceptors, prefetch, stale, callTimeouts);
    }

    StsOptions withCallTimeouts(CallTimeouts timeouts) {
        return new StsOptions(interceptors, prefetchTime, staleTime, Objects.requireNonNull(timeouts, "timeouts"));
    }

    /** Adds the interceptors and, when set, the call timeouts to an STS client's configuration. */
    void configure(ClientOverrideConfiguration.Builder config) {
        interceptors.forEach(config::addExecutionInterceptor);
        if (callTimeouts != null) {
            config.apiCallTimeout(callTimeouts.call()).apiCallAttemptTimeout(callTimeouts.attempt());
        }
    }

    /**
     * The refresh policy of every caching STS provider (the web identity and the assume-role one alike): refreshed
     * by the caller that sees it due, never by a background thread per object, within this refresh window.
     */
    <B extends StsCredentialsProvider.BaseBuilder<B, T>, T extends ToCopyableBuilder<B, T>> B refreshing(B provider) {
        return provider.asyncCredentialUpdateEnabled(false).prefetchTime(prefetchTime).staleTime(staleTime);
    }
}
