package io.triggermesh.aws.s3;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.s3.api.S3EventTypes;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.Arn;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.spi.api.Shown;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of an AWSS3Source spec (the shared auth, sink and adapterOverrides are the controller's). */
final class AwsS3SourceValidator {

    private static final String QUEUE_EXAMPLE = "arn:aws:sqs:us-west-2:123456789012:my-queue";

    private AwsS3SourceValidator() {
    }

    static List<Problem> problems(AwsS3SourceSpec spec) {
        List<Problem> problems = new ArrayList<>();
        BucketArn.problem(spec.arn(), AwsS3SourceKind.KIND).ifPresent(m -> problems.add(new Problem("spec.arn", m)));
        eventTypeProblems(spec.eventTypes(), problems);
        destinationProblems(spec, problems);
        return problems;
    }

    private static void eventTypeProblems(List<String> eventTypes, List<Problem> problems) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            problems.add(new Problem("spec.eventTypes", "is required: list at least one S3 event type, for example"
                    + " s3:ObjectCreated:*"));
            return;
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            String path = "spec.eventTypes[" + i + "]";
            if (type == null || type.isBlank()) {
                problems.add(new Problem(path, "is empty: give an S3 event type such as s3:ObjectCreated:*"));
            } else if (!S3EventTypes.isKnown(type)) {
                String fix = S3EventTypes.suggestion(type).map(known -> "did you mean " + known + "?")
                        .orElse("use one of " + String.join(", ", S3EventTypes.ALL));
                problems.add(new Problem(path, Shown.quoted(type) + " is not an S3 event type; " + fix));
            }
        }
    }

    private static void destinationProblems(AwsS3SourceSpec spec, List<Problem> problems) {
        if (spec.destination() == null) {
            return;
        }
        if (spec.destination().sqs() == null) {
            problems.add(new Problem("spec.destination.sqs", "is required when destination is set: set"
                    + " destination.sqs.queueARN to a queue you own, or remove destination to let the controller"
                    + " manage a queue"));
            return;
        }
        queueProblem(spec.destination().sqs().queueARN(), BucketArn.parse(spec.arn()))
                .ifPresent(m -> problems.add(new Problem("spec.destination.sqs.queueARN", m)));
    }

    private static Optional<String> queueProblem(String text, Optional<BucketArn> bucket) {
        Optional<String> address = QueueArn.addressProblem(text,
                "destination.sqs.queueARN needs an SQS queue ARN such as " + QUEUE_EXAMPLE);
        if (address.isPresent()) {
            return address;
        }
        Arn arn = Arn.parse(text).orElseThrow();
        if (arn.resource().endsWith(QueueArn.FIFO_SUFFIX)) {
            return Optional.of("is a FIFO queue, and S3 delivers event notifications only to standard queues: use a"
                    + " standard queue");
        }
        if (!QueueArn.isStandardName(arn.resource())) {
            return Optional.of("names queue " + Shown.quoted(arn.resource()) + "; queue names have 1 to 80 letters, digits, '-'"
                    + " and '_'");
        }
        if (bucket.isPresent() && !bucket.get().partition().equals(arn.partition())) {
            return Optional.of("is in partition " + arn.partition() + " but the bucket is in "
                    + bucket.get().partition() + ": use a queue in the bucket's partition");
        }
        if (bucket.flatMap(BucketArn::knownRegion).filter(region -> !region.equals(arn.region())).isPresent()) {
            return Optional.of("is in region " + arn.region() + " but the bucket is in "
                    + bucket.get().region() + ": S3 delivers notifications only to queues in the bucket's region");
        }
        return Optional.empty();
    }
}
