package io.triggermesh.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3PluginDescriptorTest {

    private final S3ConnectorPlugin plugin = new S3ConnectorPlugin();

    private KindDescriptor<?> descriptor(String kind) {
        return plugin.kinds().stream().map(ConnectorKind::descriptor).filter(d -> d.kind().equals(kind))
                .findFirst().orElseThrow();
    }

    @Test
    void pluginIsNamedS3AndCarriesTheBuildVersion() {
        assertThat(plugin.name()).isEqualTo("s3");
        // The build filters the Maven version in; an unfiltered resource would give "dev" or "${project.version}".
        assertThat(plugin.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void servesAwsS3SourceAndAwsS3Target() {
        assertThat(plugin.kinds()).extracting(k -> k.descriptor().kind())
                .containsExactly("AWSS3Source", "AWSS3Target");
    }

    @Test
    void sourceDescriptorMatchesTheOriginalApi() {
        KindDescriptor<?> d = descriptor("AWSS3Source");
        assertThat(d.role()).isEqualTo(Role.SOURCE);
        assertThat(d.apiVersion()).isEqualTo("sources.triggermesh.io/v1alpha1");
        assertThat(d.plural()).isEqualTo("awss3sources");
        assertThat(d.specType()).isEqualTo(AwsS3SourceSpec.class);
        assertThat(d.managesAwsResources()).isTrue();
        assertThat(d.sensitiveFields()).as("spec.auth is the controller's").isEmpty();
    }

    @Test
    void sourceEmitsOneTypePerS3EventFamilyAndTheTestEvent() {
        assertThat(descriptor("AWSS3Source").emittedEventTypes()).contains(
                "com.amazon.s3.objectcreated", "com.amazon.s3.objectremoved", "com.amazon.s3.objectrestore",
                "com.amazon.s3.reducedredundancylostobject", "com.amazon.s3.replication",
                "com.amazon.s3.lifecycleexpiration", "com.amazon.s3.lifecycletransition",
                "com.amazon.s3.intelligenttiering", "com.amazon.s3.objecttagging", "com.amazon.s3.objectacl",
                "com.amazon.s3.testevent")
                .doesNotHaveDuplicates()
                .allSatisfy(type -> assertThat(type).startsWith("com.amazon.s3.").matches("[a-z0-9.]+"));
    }

    @Test
    void targetAcceptsAnyEventAndRepliesWithAResult() {
        KindDescriptor<?> d = descriptor("AWSS3Target");
        assertThat(d.role()).isEqualTo(Role.TARGET);
        assertThat(d.apiVersion()).isEqualTo("targets.triggermesh.io/v1alpha1");
        assertThat(d.plural()).isEqualTo("awss3targets");
        assertThat(d.specType()).isEqualTo(AwsS3TargetSpec.class);
        assertThat(d.acceptedEventTypes()).containsExactly("*");
        assertThat(d.emittedEventTypes()).containsExactly("io.triggermesh.targets.aws.s3.result");
        assertThat(d.managesAwsResources()).isFalse();
        assertThat(d.sensitiveFields()).as("spec.auth is the controller's").isEmpty();
    }

    @Test
    void kindsUseTheConfiguredAdapterImage() {
        S3ConnectorPlugin custom = new S3ConnectorPlugin("registry.example/s3:1");
        List<String> images = custom.kinds().stream()
                .map(k -> adapterImage(k))
                .toList();
        assertThat(images).containsOnly("registry.example/s3:1");
    }

    @SuppressWarnings("unchecked")
    private static <S> String adapterImage(ConnectorKind<S> kind) {
        Object spec = kind.descriptor().kind().equals(AwsS3SourceKind.KIND)
                ? S3Fixtures.validSource() : S3Fixtures.target(S3Fixtures.BUCKET_ARN);
        return kind.adapter(S3Fixtures.object(kind.descriptor().kind(), (S) spec)).image();
    }
}
