package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import java.util.Map;

/** Specs and object contexts shared by the SQS tests. */
final class SqsFixtures {

    static final String IMAGE = "registry.example/adapter-sqs:test";
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";
    static final String FIFO_QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";

    private SqsFixtures() {
    }

    static AwsSqsSourceSpec source(String arn) {
        return new AwsSqsSourceSpec(arn, null, null, null, null);
    }

    static AwsSqsSourceSpec sourceWithVisibilityTimeout(String timeout) {
        return new AwsSqsSourceSpec(QUEUE_ARN, new AwsSqsSourceSpec.ReceiveOptions(timeout), null, null, null);
    }

    static AwsSqsSourceSpec sourceWithProcessor(String processor) {
        return new AwsSqsSourceSpec(QUEUE_ARN, null, processor, null, null);
    }

    static AwsSqsSourceSpec sourceWithEndpoint(String url) {
        return new AwsSqsSourceSpec(QUEUE_ARN, null, null, new AwsSqsSourceSpec.Endpoint(url), null);
    }

    static AwsSqsSourceSpec sourceWithOwner(String arn, String owner) {
        return new AwsSqsSourceSpec(arn, null, null, null, owner);
    }

    static AwsSqsTargetSpec target(String arn) {
        return new AwsSqsTargetSpec(arn, null, null);
    }

    static AwsSqsTargetSpec target(String arn, String messageGroupId) {
        return new AwsSqsTargetSpec(arn, messageGroupId, null);
    }

    static <S> ObjectContext<S> object(String kind, S spec) {
        return new ObjectContext<>(kind, "default", "orders", "5f1d2c-uid", 1, spec, Map.of());
    }
}
