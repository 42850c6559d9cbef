package io.triggermesh.aws.s3;

import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code AWSS3Target}: an HTTP CloudEvents receiver that writes every event to the bucket as one object and replies
 * with a result event. No AWS resources are managed.
 */
public final class AwsS3TargetKind implements ConnectorKind<AwsS3TargetSpec> {

    public static final String KIND = "AWSS3Target";
    public static final String PLURAL = "awss3targets";
    /** The type of the event the adapter replies with. */
    public static final String RESULT_EVENT_TYPE = "io.triggermesh.targets.aws.s3.result";
    /** The port the adapter receives CloudEvents on. */
    public static final int HTTP_PORT = 8080;

    /**
     * The only call the adapter makes is PutObject; the result event's bucket, key and ETag all come from the request
     * and PutObject's response, so nothing else is needed. Buckets whose default encryption is SSE-KMS with a
     * customer managed key also need kms:GenerateDataKey on that key, which the spec cannot know: add it by hand.
     */
    public static final IamPermission PUT_OBJECTS = IamPermission.of("S3TargetPutObjects",
            List.of("s3:PutObject"), "arn:${partition}:s3:::${bucket}/*");

    private final KindDescriptor<AwsS3TargetSpec> descriptor;
    private final String image;

    public AwsS3TargetKind(String image) {
        this.image = Objects.requireNonNull(image, "image");
        this.descriptor = KindDescriptor.builder(Role.TARGET, KIND, AwsS3TargetSpec.class)
                .plural(PLURAL)
                .accepts("*")
                .emits(RESULT_EVENT_TYPE)
                .adapterPermission(PUT_OBJECTS)
                .build();
    }

    @Override
    public KindDescriptor<AwsS3TargetSpec> descriptor() {
        return descriptor;
    }

    @Override
    public List<Problem> validate(AwsS3TargetSpec spec) {
        List<Problem> problems = new ArrayList<>();
        BucketArn.problem(spec.arn(), KIND).ifPresent(m -> problems.add(new Problem("spec.arn", m)));
        return problems;
    }

    /** {@code partition} and {@code bucket} from the bucket ARN. */
    @Override
    public Map<String, String> permissionValues(ObjectContext<AwsS3TargetSpec> object) {
        return BucketArn.parse(object.spec().arn())
                .map(b -> Map.of("partition", b.partition(), "bucket", b.bucket()))
                .orElse(Map.of());
    }

    @Override
    public AdapterWorkload adapter(ObjectContext<AwsS3TargetSpec> object) {
        return AdapterWorkload.target(image, Map.of(
                S3AdapterEnv.ARN, object.spec().arn(),
                S3AdapterEnv.DISCARD_CLOUDEVENT_CONTEXT, Boolean.toString(object.spec().discardsCloudEventContext())),
                HTTP_PORT);
    }
}
