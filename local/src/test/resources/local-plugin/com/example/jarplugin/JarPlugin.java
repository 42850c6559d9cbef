package com.example.jarplugin;

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

/**
 * A third-party plugin as LocalModePluginDirectoryIT compiles it at test time, so that neither it nor its adapter
 * is on the controller's class path: only the plugin directory has them.
 */
public class JarPlugin implements ConnectorPlugin {

    /** Spec of the kind: one ARN (auth and sink are the controller's). */
    public record Spec(String arn) {
    }

    @Override
    public String name() {
        return "jar-plugin";
    }

    @Override
    public String version() {
        return "0.0.1";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConnectorKind<?>> kinds() {
        KindDescriptor<Spec> descriptor = KindDescriptor.builder(Role.SOURCE, JarAdapter.KIND, Spec.class)
                .emits("com.example.jar")
                .adapterPermission(IamPermission.of("Read", List.of("sqs:ReceiveMessage"),
                        "arn:${partition}:sqs:${region}:${account}:${queue}"))
                .build();
        return List.of(new ConnectorKind<Spec>() {
            @Override
            public KindDescriptor<Spec> descriptor() {
                return descriptor;
            }

            @Override
            public AdapterWorkload adapter(ObjectContext<Spec> object) {
                return AdapterWorkload.source("example/jar-adapter:1", Map.of("ARN", object.spec().arn()));
            }
        });
    }
}
