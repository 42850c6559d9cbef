package io.triggermesh.aws.testkit;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A one-kind plugin for the kit's own tests: by default a well-behaved target, and each {@code with...} method
 * breaks one rule, so that a test can show that the contract catches exactly that and says so.
 */
final class FakePlugin<S> implements ConnectorPlugin {

    static final String TARGET = "AWSFakeTarget";
    static final String IMAGE = "registry.example.com/fake-adapter:1.0.0";
    static final IamPermission SEND = IamPermission.of("FakeSend", List.of("sqs:SendMessage"),
            "arn:${partition}:sqs:${region}:${account}:${queue}");

    /** The well-behaved spec: every field described, as the CRD generator needs. */
    @JsonClassDescription("sends every CloudEvent it receives to a queue.")
    record Spec(@JsonPropertyDescription("ARN of the queue.") String arn) {
    }

    private final Class<S> specType;
    private final Function<ObjectContext<S>, AdapterWorkload> adapter;
    private final List<IamPermission> permissions;

    private FakePlugin(Class<S> specType, Function<ObjectContext<S>, AdapterWorkload> adapter,
                       List<IamPermission> permissions) {
        this.specType = specType;
        this.adapter = adapter;
        this.permissions = permissions;
    }

    /** A target that follows every rule. */
    static FakePlugin<Spec> wellBehaved() {
        return new FakePlugin<>(Spec.class,
                object -> AdapterWorkload.target(IMAGE, Map.of("ARN", object.spec().arn()), 8080), List.of(SEND));
    }

    /** The same plugin with another spec type (its adapter returns a fixed workload). */
    static <T> FakePlugin<T> withSpecType(Class<T> specType) {
        return new FakePlugin<>(specType, object -> AdapterWorkload.target(IMAGE, Map.of(), 8080), List.of(SEND));
    }

    FakePlugin<S> withAdapter(Function<ObjectContext<S>, AdapterWorkload> replacement) {
        return new FakePlugin<>(specType, replacement, permissions);
    }

    FakePlugin<S> withPermissions(IamPermission... replacement) {
        return new FakePlugin<>(specType, adapter, List.of(replacement));
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConnectorKind<?>> kinds() {
        KindDescriptor.Builder<S> builder = KindDescriptor.builder(Role.TARGET, TARGET, specType).accepts("*");
        permissions.forEach(builder::adapterPermission);
        KindDescriptor<S> descriptor = builder.build();
        return List.of(new ConnectorKind<S>() {
            @Override
            public KindDescriptor<S> descriptor() {
                return descriptor;
            }

            @Override
            public Map<String, String> permissionValues(ObjectContext<S> object) {
                return Map.of("partition", "aws", "region", "eu-west-1", "account", "123456789012", "queue", "q");
            }

            @Override
            public AdapterWorkload adapter(ObjectContext<S> object) {
                return adapter.apply(object);
            }
        });
    }
}
