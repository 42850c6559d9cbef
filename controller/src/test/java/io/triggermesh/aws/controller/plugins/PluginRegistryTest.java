package io.triggermesh.aws.controller.plugins;

import static io.triggermesh.aws.controller.plugins.TestPlugins.echoKind;
import static io.triggermesh.aws.controller.plugins.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    @Test
    void bundledPluginsAreFoundThroughServiceLoaderWithoutNamingThem() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), Set.of());

        assertThat(registry.kinds()).extracting(LoadedKind::key).contains(
                "sources.triggermesh.io/AWSS3Source", "targets.triggermesh.io/AWSS3Target",
                "sources.triggermesh.io/AWSSQSSource", "targets.triggermesh.io/AWSSQSTarget");
    }

    @Test
    void duplicateKindsFailTheStartNamingBothPlugins() {
        var first = plugin("first", SpiVersion.CURRENT, echoKind("AWSEchoSource"));
        var second = plugin("second", SpiVersion.CURRENT, echoKind("AWSEchoSource"));

        assertThatThrownBy(() -> PluginRegistry.of(List.of(first, second), Set.of()))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("sources.triggermesh.io/AWSEchoSource")
                .hasMessageContaining("first").hasMessageContaining("second");
    }

    @Test
    void incompatibleSpiVersionFailsTheStart() {
        var old = plugin("old", SpiVersion.CURRENT + 1, echoKind("AWSEchoSource"));

        assertThatThrownBy(() -> PluginRegistry.of(List.of(old), Set.of()))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("old").hasMessageContaining("spi version " + (SpiVersion.CURRENT + 1));
    }

    @Test
    void allowListDisablesOtherPluginsAndTheirDuplicates() {
        var first = plugin("first", SpiVersion.CURRENT, echoKind("AWSEchoSource"));
        var second = plugin("second", SpiVersion.CURRENT, echoKind("AWSEchoSource"));

        PluginRegistry registry = PluginRegistry.of(List.of(first, second), Set.of("second"));

        assertThat(registry.plugins()).extracting(p -> p.name()).containsExactly("second");
        assertThat(registry.findByKind("awsechosource")).isPresent();
    }

    @Test
    void allowListNamingAnAbsentPluginFailsClearly() {
        var first = plugin("first", SpiVersion.CURRENT, echoKind("AWSEchoSource"));

        assertThatThrownBy(() -> PluginRegistry.of(List.of(first), Set.of("s3")))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("[s3]").hasMessageContaining("installed: [first]");
    }

    @Test
    void startupDescriptionListsNameVersionAndKinds() {
        var first = plugin("first", SpiVersion.CURRENT, echoKind("AWSEchoSource"), echoKind("AWSOtherSource"));

        assertThat(PluginRegistry.of(List.of(first), Set.of()).describe())
                .containsExactly("first 1.0.0: AWSEchoSource, AWSOtherSource");
    }
}
