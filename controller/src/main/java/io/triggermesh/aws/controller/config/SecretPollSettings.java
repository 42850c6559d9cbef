package io.triggermesh.aws.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code triggermesh.controller.secret-poll.*} (environment variable
 * {@code TRIGGERMESH_CONTROLLER_SECRET_POLL_INTERVAL}, {@code TRIGGERMESH_CONTROLLER_SECRET_POLL_READS_PER_SECOND}).
 *
 * @param interval how often the controller reads (GET, by name) the Secrets that objects' {@code spec.auth}
 *     references, to roll adapters whose Secret changed (default 30s); a rotated Secret reaches its adapters
 *     within this interval plus one reconcile, without list or watch rights on Secrets
 * @param readsPerSecond the most Secrets read per second (default 20), so that many referenced Secrets make a
 *     steady trickle of GETs rather than a burst; with more than {@code interval × readsPerSecond} distinct
 *     Secrets (600 by default) a poll takes longer than the interval, and the rotation bound grows with it
 */
@ConfigurationProperties("triggermesh.controller.secret-poll")
public record SecretPollSettings(@Bindable(defaultValue = "30s") Duration interval,
                                 @Bindable(defaultValue = "20") int readsPerSecond) {

    public SecretPollSettings {
        if (readsPerSecond <= 0) {
            throw new IllegalArgumentException("triggermesh.controller.secret-poll.reads-per-second must be a"
                    + " positive number of Secret reads per second, not " + readsPerSecond);
        }
    }
}
