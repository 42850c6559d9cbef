package io.triggermesh.aws.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller's configuration as Micronaut binds it: properties in the map form, and environment variables as
 * the Helm chart sets them (a property source with the environment-variable convention, as Micronaut reads the
 * process environment).
 */
class ControllerConfigurationTest {

    private static ApplicationContext withProperties(Map<String, Object> properties) {
        return ApplicationContext.builder().properties(properties).start();
    }

    private static ApplicationContext withEnvironmentVariables(Map<String, Object> variables) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", variables,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    @Test
    void adapterImagesBindAsAMapKeyedByKindKeepingItsCase() {
        try (ApplicationContext context = withProperties(Map.of(
                "triggermesh.controller.adapter-images.AWSS3Source", "registry.example.com/adapter-s3:1.0",
                "triggermesh.controller.adapter-images.AWSSQSTarget", "registry.example.com/adapter-sqs:1.0"))) {
            assertThat(context.getBean(AdapterSettings.class).images()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "AWSS3Source", "registry.example.com/adapter-s3:1.0",
                    "AWSSQSTarget", "registry.example.com/adapter-sqs:1.0"));
        }
    }

    @Test
    void adapterImagesInTheChartsKindEqualsImageListFormStillBind() {
        try (ApplicationContext context = withEnvironmentVariables(Map.of("TRIGGERMESH_CONTROLLER_ADAPTER_IMAGES",
                "AWSS3Source=registry.example.com/adapter-s3:1.0,AWSSQSTarget=registry.example.com/adapter-sqs:1.0"))) {
            assertThat(context.getBean(AdapterSettings.class).images()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "AWSS3Source", "registry.example.com/adapter-s3:1.0",
                    "AWSSQSTarget", "registry.example.com/adapter-sqs:1.0"));
        }
    }

    @Test
    void anAdapterImageEntryWithoutKindOrImageIsRefusedNamingTheProperty() {
        try (ApplicationContext context = withProperties(Map.of(
                "triggermesh.controller.adapter-images", "registry.example.com/adapter-s3:1.0"))) {
            assertThatThrownBy(() -> context.getBean(AdapterSettings.class))
                    .rootCause()
                    .hasMessageContaining("triggermesh.controller.adapter-images entry "
                            + "'registry.example.com/adapter-s3:1.0' must look like AWSS3Source=");
        }
    }

    @Test
    void adapterResourcesDefaultTo50mCpu128MiRequestAnd256MiLimit() {
        try (ApplicationContext context = withProperties(Map.of())) {
            AdapterSettings adapters = context.getBean(AdapterSettings.class);
            assertThat(adapters).isEqualTo(AdapterSettings.defaults());
        }
    }

    @Test
    void adapterResourcesRegionAndEndpointBindFromTheEnvironment() {
        try (ApplicationContext context = withEnvironmentVariables(Map.of(
                "TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_CPU_REQUEST", "100m",
                "TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_MEMORY_REQUEST", "64Mi",
                "TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_MEMORY_LIMIT", "512Mi",
                "TRIGGERMESH_CONTROLLER_AWS_REGION", "eu-west-1",
                "TRIGGERMESH_CONTROLLER_AWS_ENDPOINT", "http://moto:5000"))) {
            assertThat(context.getBean(AdapterSettings.class)).isEqualTo(new AdapterSettings(Map.of(), "eu-west-1",
                    URI.create("http://moto:5000"), "100m", "64Mi", "512Mi"));
        }
    }

    @Test
    void theLeaseNamespaceIsThePodsNamespaceUnlessSet() {
        try (ApplicationContext context = withEnvironmentVariables(Map.of("POD_NAMESPACE", "team-a"))) {
            assertThat(context.getBean(ControllerSettings.class).effectiveLeaseNamespace()).isEqualTo("team-a");
        }
        try (ApplicationContext context = withEnvironmentVariables(Map.of("POD_NAMESPACE", "team-a",
                "TRIGGERMESH_CONTROLLER_LEASE_NAMESPACE", "leases"))) {
            assertThat(context.getBean(ControllerSettings.class).effectiveLeaseNamespace()).isEqualTo("leases");
        }
        try (ApplicationContext context = withProperties(Map.of())) {
            assertThat(context.getBean(ControllerSettings.class).effectiveLeaseNamespace()).isEqualTo("triggermesh");
        }
    }
}
