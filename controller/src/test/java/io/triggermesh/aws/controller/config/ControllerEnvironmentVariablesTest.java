package io.triggermesh.aws.controller.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.PropertySource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller's configuration from environment variables as the Helm chart's Deployment and Kubernetes set them
 * ({@link ChartDeployment}), read as Micronaut reads the process environment: a property source with the
 * environment-variable convention, which {@code @Property} overrides (plain properties) cannot stand for.
 */
@MicronautTest(startApplication = false, rebuildContext = true,
        contextBuilder = ControllerEnvironmentVariablesTest.ChartDeployment.class)
class ControllerEnvironmentVariablesTest {

    /** The variables of one Deployment; its source outranks the process's own environment (order 0 over -200). */
    public static class ChartDeployment extends DefaultApplicationContextBuilder {

        public ChartDeployment() {
            propertySources(PropertySource.of("chart-deployment", Map.<String, Object>of(
                    "POD_NAMESPACE", "team-a",
                    "HOSTNAME", "triggermesh-controller-7d9f6-x2x4q",
                    "TRIGGERMESH_CONTROLLER_ADAPTER_IMAGES",
                    "AWSS3Source=registry.example.com/adapter-s3:1.0,AWSSQSTarget=registry.example.com/adapter-sqs:1.0",
                    "TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_CPU_REQUEST", "100m",
                    "TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_MEMORY_REQUEST", "64Mi",
                    "TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_MEMORY_LIMIT", "512Mi",
                    "TRIGGERMESH_CONTROLLER_AWS_REGION", "eu-west-1",
                    "TRIGGERMESH_CONTROLLER_AWS_ENDPOINT", "http://moto:5000",
                    "AWS_ENDPOINT_URL_SQS", "http://elasticmq:9324",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", "https://admin:hunter2@sm.example.test"),
                    PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
        }
    }

    private static final Map<String, String> IMAGES = Map.of(
            "AWSS3Source", "registry.example.com/adapter-s3:1.0",
            "AWSSQSTarget", "registry.example.com/adapter-sqs:1.0");

    @Inject
    ApplicationContext context;

    @Test
    void adapterImagesInTheChartsKindEqualsImageListFormStillBind() {
        assertThat(context.getBean(AdapterSettings.class).images()).containsExactlyInAnyOrderEntriesOf(IMAGES);
    }

    @Test
    void adapterResourcesRegionAndEndpointBindFromTheEnvironment() {
        assertThat(context.getBean(AdapterSettings.class)).isEqualTo(new AdapterSettings(IMAGES, "eu-west-1",
                URI.create("http://moto:5000"), "100m", "64Mi", "512Mi"));
    }

    @Test
    void theSdksPerServiceEndpointVariablesReachTheControllersAwsCalls() {
        AwsEndpoints endpoints = context.getBean(AwsEndpoints.class);

        assertThat(endpoints.endpointFor("sqs")).contains(URI.create("http://elasticmq:9324"));
        assertThat(endpoints.endpointFor("secrets manager")).contains(URI.create("https://sm.example.test"));
        assertThat(endpoints.endpointFor("s3")).contains(URI.create("http://moto:5000"));
    }

    @Test
    void theLeaseNamespaceIsThePodsNamespace() {
        assertThat(context.getBean(ControllerSettings.class).effectiveLeaseNamespace()).isEqualTo("team-a");
    }

    @Test
    @Property(name = "triggermesh.controller.lease-namespace", value = "leases")
    void aLeaseNamespaceSettingWinsOverThePodsNamespace() {
        assertThat(context.getBean(ControllerSettings.class).effectiveLeaseNamespace()).isEqualTo("leases");
    }

    @Test
    void theLeaseIdentityStartsWithThePodsName() {
        assertThat(context.getBean(ControllerSettings.class).effectiveLeaseIdentity())
                .isEqualTo("triggermesh-controller-7d9f6-x2x4q");
    }
}
