package io.triggermesh.aws.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller's configuration as Micronaut binds it from properties in the map form. A context per test
 * ({@code rebuildContext}), each with its own {@code @Property} overrides. The environment variables the Helm chart
 * sets: {@link ControllerEnvironmentVariablesTest}.
 */
@MicronautTest(startApplication = false, rebuildContext = true)
class ControllerConfigurationTest {

    @Inject
    ApplicationContext context;

    @Test
    @Property(name = "triggermesh.controller.adapter-images.AWSS3Source", value = "registry.example.com/adapter-s3:1.0")
    @Property(name = "triggermesh.controller.adapter-images.AWSSQSTarget", value = "registry.example.com/adapter-sqs:1.0")
    void adapterImagesBindAsAMapKeyedByKindKeepingItsCase() {
        assertThat(context.getBean(AdapterSettings.class).images()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AWSS3Source", "registry.example.com/adapter-s3:1.0",
                "AWSSQSTarget", "registry.example.com/adapter-sqs:1.0"));
    }

    @Test
    @Property(name = "triggermesh.controller.adapter-images", value = "registry.example.com/adapter-s3:1.0")
    void anAdapterImageEntryWithoutKindOrImageIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> context.getBean(AdapterSettings.class))
                .rootCause()
                .hasMessageContaining("triggermesh.controller.adapter-images entry "
                        + "'registry.example.com/adapter-s3:1.0' must look like AWSS3Source=");
    }

    @Test
    void adapterResourcesDefaultTo50mCpu128MiRequestAnd256MiLimit() {
        assertThat(context.getBean(AdapterSettings.class)).isEqualTo(AdapterSettings.defaults());
    }

    @Test
    void theLeaseNamespaceIsTriggermeshOutsideAPodUnlessSet() {
        assertThat(context.getBean(ControllerSettings.class).effectiveLeaseNamespace()).isEqualTo("triggermesh");
    }

    @Test
    @Property(name = "triggermesh.controller.lease-identity", value = "replica-a")
    void theLeaseIdentityCanBeSet() {
        assertThat(context.getBean(ControllerSettings.class).effectiveLeaseIdentity()).isEqualTo("replica-a");
    }

    @Test
    @Property(name = "triggermesh.controller.lease-identity", value = " ")
    void aBlankLeaseIdentityFallsBackToController() {
        assertThat(context.getBean(ControllerSettings.class).effectiveLeaseIdentity()).isEqualTo("controller");
    }
}
