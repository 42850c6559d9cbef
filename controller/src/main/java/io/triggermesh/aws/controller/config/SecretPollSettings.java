package io.triggermesh.aws.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code triggermesh.controller.secret-poll.*} (environment variable
 * {@code TRIGGERMESH_CONTROLLER_SECRET_POLL_INTERVAL}).
 *
 * @param interval how often the controller reads (GET, by name) the Secrets that objects' {@code spec.auth}
 *     references, to roll adapters whose Secret changed (default 30s); a rotated Secret reaches its adapters
 *     within this interval plus one reconcile, without list or watch rights on Secrets
 */
@ConfigurationProperties("triggermesh.controller.secret-poll")
public record SecretPollSettings(@Bindable(defaultValue = "30s") Duration interval) {
}
