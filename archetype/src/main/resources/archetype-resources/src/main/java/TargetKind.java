## Alike in shape to the bundled kinds (AwsSqsTargetKind, AwsS3TargetKind) on purpose: this template is where a
## third party's connector starts, so it writes out the same SPI calls instead of sharing code with them. Velocity
## drops these lines; generated projects do not carry them.
package ${package};

import ${package}.api.TargetSpec;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.api.Arn;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ${kind}: publishes every CloudEvent it receives to an SNS topic. It manages no AWS resources, so it declares the
 * kind, validates its own fields and describes its adapter; the controller owns spec.auth, spec.adapterOverrides and
 * everything it renders from them.
 */
public final class TargetKind implements ConnectorKind<TargetSpec> {

    public static final String KIND = "${kind}";
    /** The type of the event the adapter answers with: the topic's MessageId. */
    public static final String RESULT_EVENT_TYPE = "io.triggermesh.${connectorName}.publish.result";
    /** The port the adapter receives CloudEvents on; the controller puts a Service in front of it. */
    public static final int HTTP_PORT = 8080;
    private static final String EXAMPLE = "arn:aws:sns:eu-west-1:123456789012:orders";

    /** What the adapter needs, on the object's topic only (placeholders filled by permissionValues). */
    static final IamPermission PUBLISH = IamPermission.of("TargetPublish", List.of("sns:Publish"),
            "arn:${partition}:sns:${region}:${account}:${topic}");

    private final KindDescriptor<TargetSpec> descriptor;
    private final String image;

    public TargetKind(String image) {
        this.image = Objects.requireNonNull(image, "image");
        this.descriptor = KindDescriptor.builder(Role.TARGET, KIND, TargetSpec.class)
                .accepts("*")
                .emits(RESULT_EVENT_TYPE)
                .adapterPermission(PUBLISH)
                .build();
    }

    @Override
    public KindDescriptor<TargetSpec> descriptor() {
        return descriptor;
    }

    @Override
    public List<Problem> validate(TargetSpec spec) {
        return topicProblem(spec.arn()).map(message -> List.of(new Problem("spec.arn", message))).orElse(List.of());
    }

    @Override
    public Map<String, String> permissionValues(ObjectContext<TargetSpec> object) {
        return topic(object.spec().arn())
                .map(arn -> Map.of("partition", arn.partition(), "region", arn.region(),
                        "account", arn.accountId(), "topic", arn.resource()))
                .orElse(Map.of());
    }

    @Override
    public AdapterWorkload adapter(ObjectContext<TargetSpec> object) {
        return AdapterWorkload.target(image, Map.of(AdapterEnv.ARN, object.spec().arn()), HTTP_PORT);
    }

    private static Optional<Arn> topic(String text) {
        return Arn.parse(text).filter(arn -> arn.service().equals("sns"));
    }

    /** What is wrong with spec.arn, said so that the user can fix it; empty when it names an SNS topic. */
    static Optional<String> topicProblem(String text) {
        // The SPI's check, as the bundled queue ARN uses it: syntax, service, then region and account.
        return Arn.regionalProblem(text, "sns", "topic", KIND + " needs an SNS topic ARN such as " + EXAMPLE);
    }
}
