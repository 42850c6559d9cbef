package io.triggermesh.aws.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin base: a plugin is its constructor, and the base gives name, version, SPI version and kinds. */
class AbstractConnectorPluginTest {

    record Spec(String arn) {
    }

    static final class EchoKind implements ConnectorKind<Spec> {
        private final KindDescriptor<Spec> descriptor = KindDescriptor.builder(Role.TARGET, "AWSEchoTarget", Spec.class)
                .accepts("*")
                .adapterPermission(IamPermission.of("Echo", List.of("sqs:SendMessage"), "*"))
                .build();
        private final String image;

        EchoKind(String image) {
            this.image = image;
        }

        @Override
        public KindDescriptor<Spec> descriptor() {
            return descriptor;
        }

        @Override
        public AdapterWorkload adapter(ObjectContext<Spec> object) {
            return AdapterWorkload.target(image, Map.of(), 8080);
        }
    }

    static final class EchoPlugin extends AbstractConnectorPlugin {
        EchoPlugin(String adapterImage) {
            super("echo", SpiVersion.CURRENT, "registry.example.com/adapter-echo", adapterImage,
                    image -> List.of(new EchoKind(image)));
        }
    }

    @Test
    void theVersionComesFromThePluginsPropertiesAndTagsTheDefaultImage() {
        EchoPlugin plugin = new EchoPlugin(null);

        assertThat(plugin.name()).isEqualTo("echo");
        assertThat(plugin.version()).isEqualTo("1.2.3");
        assertThat(plugin.spiVersion()).isEqualTo(SpiVersion.CURRENT);
        assertThat(plugin.kinds()).singleElement().isInstanceOfSatisfying(EchoKind.class,
                kind -> assertThat(kind.image).isEqualTo("registry.example.com/adapter-echo:1.2.3"));
    }

    @Test
    void anotherImageReplacesTheDefaultForEveryKind() {
        assertThat(new EchoPlugin("mirror.example.com/echo:7").kinds()).singleElement()
                .isInstanceOfSatisfying(EchoKind.class, kind -> assertThat(kind.image)
                        .isEqualTo("mirror.example.com/echo:7"));
    }

    @Test
    void theKindsAreBuiltOnceAndReturnedOnEveryCall() {
        EchoPlugin plugin = new EchoPlugin(null);
        assertThat(plugin.kinds().get(0)).isSameAs(plugin.kinds().get(0));
    }

    @Test
    void aBadNameOrNoKindFailsAtConstruction() {
        assertThatThrownBy(() -> new AbstractConnectorPlugin("Echo", 1, "r", null, image -> List.of(new EchoKind(image))) {
        }).hasMessageContaining("plugin name 'Echo' must match");
        assertThatThrownBy(() -> new AbstractConnectorPlugin("echo", 1, "r", null, image -> List.of()) {
        }).hasMessageContaining("declares no kind");
    }
}
