package io.triggermesh.aws.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.ConnectorReconciler;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The controller's collaborators are beans of the application context, configured by its properties. */
class ControllerBeansTest {

    @Test
    void theControllersAwsCallsUseTheConfiguredRegionAndEndpoint() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "triggermesh.controller.aws-region", "eu-west-1",
                "triggermesh.controller.aws-endpoint", "http://moto:5000")).start()) {
            AwsEndpoints endpoints = context.getBean(AwsEndpoints.class);
            assertThat(endpoints.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(endpoints.endpointFor("sqs")).contains(URI.create("http://moto:5000"));
        }
    }

    @Test
    void theReconcilerAndValidatorAreOneBeanEachForTheWholeContext() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(ConnectorReconciler.class)).isSameAs(context.getBean(ConnectorReconciler.class));
            ObjectValidator validator = context.getBean(ObjectValidator.class);
            assertThat(validator).isSameAs(context.getBean(ObjectValidator.class));
            assertThat(context.getBean(PluginRegistry.class).kinds()).isNotEmpty();
        }
    }
}
