package io.triggermesh.aws.controller.plugins;

import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.Role;
import java.util.List;
import java.util.Map;

/** Small hand-written plugins for controller tests, independent of the real connectors. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** Spec of the test kind: one ARN. */
    public record EchoSpec(String arn) {
    }

    /** A source kind whose only rule is that {@code arn} is set. */
    public static ConnectorKind<EchoSpec> echoKind(String kindName) {
        KindDescriptor<EchoSpec> descriptor = KindDescriptor.builder(Role.SOURCE, kindName, EchoSpec.class)
                .emits("io.test.echo")
                .adapterPermission(IamPermission.of("Echo", List.of("sqs:ReceiveMessage"),
                        "arn:${partition}:sqs:${region}:${account}:${queue}"))
                .build();
        return new ConnectorKind<>() {
            @Override
            public KindDescriptor<EchoSpec> descriptor() {
                return descriptor;
            }

            @Override
            public List<Problem> validate(EchoSpec spec) {
                return spec.arn() == null ? List.of(new Problem("spec.arn", "spec.arn is required")) : List.of();
            }

            @Override
            public AdapterWorkload adapter(ObjectContext<EchoSpec> object) {
                return AdapterWorkload.source("echo:latest", Map.of("ARN", object.spec().arn()));
            }
        };
    }

    public static ConnectorPlugin plugin(String name, int spiVersion, ConnectorKind<?>... kinds) {
        return new ConnectorPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public int spiVersion() {
                return spiVersion;
            }

            @Override
            public List<ConnectorKind<?>> kinds() {
                return List.of(kinds);
            }
        };
    }
}
