package io.triggermesh.aws.sqs;

import static io.triggermesh.aws.testkit.ConnectorContractTest.CANARY;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.Sink;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import java.util.Map;

/** Specs and object contexts shared by the SQS tests. */
final class SqsFixtures {

    static final String IMAGE = "registry.example/adapter-sqs:test";
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";
    static final String FIFO_QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";
    static final Sink SINK = Sink.toUri("http://event-display.default.svc.cluster.local");

    /** Literal keys and session token holding the canary, so a leak shows. */
    static final AwsAuth CANARY_AUTH = AwsAuth.ofCredentials(
            Credentials.keys(ValueSource.literal(CANARY), ValueSource.literal(CANARY))
                    .withSessionToken(ValueSource.literal(CANARY)));

    private SqsFixtures() {
    }

    static AwsSqsSourceSpec source(String arn) {
        return new AwsSqsSourceSpec(arn, null, null, null, null, null, SINK, null);
    }

    static AwsSqsSourceSpec sourceWithVisibilityTimeout(String timeout) {
        return new AwsSqsSourceSpec(QUEUE_ARN, new AwsSqsSourceSpec.ReceiveOptions(timeout), null, null, null, null,
                SINK, null);
    }

    static AwsSqsSourceSpec sourceWithProcessor(String processor) {
        return new AwsSqsSourceSpec(QUEUE_ARN, null, processor, null, null, null, SINK, null);
    }

    static AwsSqsSourceSpec sourceWithEndpoint(String url) {
        return new AwsSqsSourceSpec(QUEUE_ARN, null, null, new AwsSqsSourceSpec.Endpoint(url), null, null, SINK,
                null);
    }

    static AwsSqsSourceSpec sourceWithOwner(String arn, String owner) {
        return new AwsSqsSourceSpec(arn, null, null, null, owner, null, SINK, null);
    }

    static AwsSqsSourceSpec sourceWithSink(Sink sink) {
        return new AwsSqsSourceSpec(QUEUE_ARN, null, null, null, null, null, sink, null);
    }

    static AwsSqsTargetSpec target(String arn) {
        return new AwsSqsTargetSpec(arn, null, null, null, null);
    }

    static AwsSqsTargetSpec target(String arn, String messageGroupId) {
        return new AwsSqsTargetSpec(arn, null, messageGroupId, null, null);
    }

    static <S> ObjectContext<S> object(String kind, S spec) {
        return new ObjectContext<>(kind, "default", "orders", "5f1d2c-uid", 1, spec, Map.of());
    }
}
