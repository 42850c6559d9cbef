package io.triggermesh.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import org.junit.jupiter.api.Test;

class SqsPluginDescriptorTest {

    private final SqsConnectorPlugin plugin = new SqsConnectorPlugin();

    private KindDescriptor<?> descriptor(String kind) {
        return plugin.kinds().stream().map(ConnectorKind::descriptor).filter(d -> d.kind().equals(kind))
                .findFirst().orElseThrow();
    }

    @Test
    void pluginIsNamedSqsAndCarriesTheBuildVersion() {
        assertThat(plugin.name()).isEqualTo("sqs");
        // The build filters the Maven version in; an unfiltered resource would give "dev" or "${project.version}".
        assertThat(plugin.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void servesAwsSqsSourceAndAwsSqsTarget() {
        assertThat(plugin.kinds()).extracting(k -> k.descriptor().kind())
                .containsExactly("AWSSQSSource", "AWSSQSTarget");
    }

    @Test
    void sourceDescriptorMatchesTheOriginalApi() {
        KindDescriptor<?> d = descriptor("AWSSQSSource");
        assertThat(d.role()).isEqualTo(Role.SOURCE);
        assertThat(d.apiVersion()).isEqualTo("sources.triggermesh.io/v1alpha1");
        assertThat(d.plural()).isEqualTo("awssqssources");
        assertThat(d.specType()).isEqualTo(AwsSqsSourceSpec.class);
        assertThat(d.emittedEventTypes()).startsWith("com.amazon.sqs.message")
                .contains("com.amazon.s3.objectcreated", "com.amazon.s3.testevent", "com.amazon.events.event")
                .doesNotHaveDuplicates();
        assertThat(d.managesAwsResources()).isFalse();
        assertThat(d.sensitiveFields()).as("spec.auth is the controller's").isEmpty();
    }

    @Test
    void targetAcceptsAnyEventAndRepliesWithAResult() {
        KindDescriptor<?> d = descriptor("AWSSQSTarget");
        assertThat(d.role()).isEqualTo(Role.TARGET);
        assertThat(d.apiVersion()).isEqualTo("targets.triggermesh.io/v1alpha1");
        assertThat(d.plural()).isEqualTo("awssqstargets");
        assertThat(d.specType()).isEqualTo(AwsSqsTargetSpec.class);
        assertThat(d.acceptedEventTypes()).containsExactly("*");
        assertThat(d.emittedEventTypes()).containsExactly("io.triggermesh.targets.aws.sqs.result");
        assertThat(d.managesAwsResources()).isFalse();
        assertThat(d.sensitiveFields()).as("spec.auth is the controller's").isEmpty();
    }
}
