package io.triggermesh.aws.auth.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How the factory's STS clients and caching providers behave. Production code uses {@link #DEFAULT}; tests in this
 * package add interceptors (to count STS calls) or shift the refresh window (to force refreshes).
 *
 * @param interceptors added to every STS client the factory builds
 * @param prefetchTime how long before expiry a refresh starts; the caller that sees it refreshes synchronously
 * @param staleTime how long before expiry cached credentials are no longer handed out at all
 */
record StsOptions(List<ExecutionInterceptor> interceptors, Duration prefetchTime, Duration staleTime) {

    /**
     * Refresh 5 minutes before expiry and never hand out credentials with less than 1 minute left; with the
     * shortest STS session (15 minutes) that still leaves 10 minutes between refreshes.
     */
    static final StsOptions DEFAULT = new StsOptions(List.of(), Duration.ofMinutes(5), Duration.ofMinutes(1));

    StsOptions {
        interceptors = List.copyOf(interceptors);
        Objects.requireNonNull(prefetchTime, "prefetchTime");
        Objects.requireNonNull(staleTime, "staleTime");
    }

    StsOptions withInterceptors(ExecutionInterceptor... added) {
        return new StsOptions(List.of(added), prefetchTime, staleTime);
    }

    StsOptions withRefreshWindow(Duration prefetch, Duration stale) {
        return new StsOptions(interceptors, prefetch, stale);
    }
}
