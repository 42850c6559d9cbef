package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.spi.api.Arn;
import io.triggermesh.aws.spi.api.Shown;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.GoDuration;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rules of an AWSSQSSource spec (the shared auth, sink and adapterOverrides are the controller's). */
final class AwsSqsSourceValidator {

    /** SQS's maximum visibility timeout. */
    static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);
    private static final String ENDPOINT_EXAMPLE = "http://elasticmq.default.svc:9324";

    private AwsSqsSourceValidator() {
    }

    static List<Problem> problems(AwsSqsSourceSpec spec) {
        List<Problem> problems = new ArrayList<>();
        QueueArn.problem(spec.arn(), AwsSqsSourceKind.KIND).ifPresent(m -> problems.add(new Problem("spec.arn", m)));
        if (spec.receiveOptions() != null && spec.receiveOptions().visibilityTimeout() != null) {
            visibilityTimeoutProblem(spec.receiveOptions().visibilityTimeout()).ifPresent(m -> problems.add(
                    new Problem("spec.receiveOptions.visibilityTimeout", m)));
        }
        if (spec.processor().isEmpty()) {
            problems.add(new Problem("spec.messageProcessor", Shown.quoted(spec.messageProcessor()) + " is not a message"
                    + " processor: use one of " + String.join(", ", MessageProcessor.jsonNames())));
        }
        if (spec.endpoint() != null) {
            endpointProblem(spec.endpoint().url()).ifPresent(m -> problems.add(new Problem("spec.endpoint.url", m)));
        }
        ownerProblem(spec).ifPresent(m -> problems.add(new Problem("spec.queueOwnerAccountId", m)));
        return problems;
    }

    /** The visibility timeout in seconds, when {@code text} is a valid one. */
    static Optional<Long> visibilityTimeoutSeconds(String text) {
        if (text == null || visibilityTimeoutProblem(text).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(GoDuration.parse(text).getSeconds());
    }

    private static Optional<String> visibilityTimeoutProblem(String text) {
        Duration timeout;
        try {
            timeout = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (timeout.isNegative()) {
            return Optional.of(Shown.quoted(text) + " is negative: use 0s to 12h");
        }
        if (timeout.compareTo(MAX_VISIBILITY_TIMEOUT) > 0) {
            return Optional.of(Shown.quoted(text) + " is longer than SQS's maximum of 12h: use 0s to 12h");
        }
        if (timeout.getNano() != 0) {
            return Optional.of(Shown.quoted(text) + " is not a whole number of seconds, which SQS requires: use for example "
                    + Math.max(1, Math.round(timeout.toMillis() / 1000.0)) + "s");
        }
        return Optional.empty();
    }

    private static Optional<String> endpointProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required when endpoint is set: give the endpoint's URL, for example "
                    + ENDPOINT_EXAMPLE + ", or remove endpoint to use AWS's");
        }
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + "); use for example " + ENDPOINT_EXAMPLE);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http:// or https:// URL, for example " + ENDPOINT_EXAMPLE);
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            return Optional.of("has no host: use for example " + ENDPOINT_EXAMPLE);
        }
        if (parsed.getRawUserInfo() != null) {
            return Optional.of("contains user info; remove it: credentials come from spec.auth");
        }
        return Optional.empty();
    }

    private static Optional<String> ownerProblem(AwsSqsSourceSpec spec) {
        String owner = spec.queueOwnerAccountId();
        if (owner == null) {
            return Optional.empty();
        }
        if (!Arn.isAccountId(owner)) {
            return Optional.of(Shown.quoted(owner) + " is not an AWS account id, which is 12 digits");
        }
        return QueueArn.parse(spec.arn())
                .filter(queue -> !queue.accountId().equals(owner))
                .map(queue -> "is " + Shown.quoted(owner) + " but the queue ARN names account " + queue.accountId()
                        + ": make them equal, or remove queueOwnerAccountId");
    }
}
