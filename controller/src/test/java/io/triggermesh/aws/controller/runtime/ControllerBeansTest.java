package io.triggermesh.aws.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.ConnectorReconciler;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The controller's collaborators are beans of the application context, configured by its properties. A context per
 * test ({@code rebuildContext}), because some tests add properties of their own.
 */
@MicronautTest(startApplication = false, rebuildContext = true)
@Property(name = "triggermesh.controller.aws-region", value = "eu-west-1")
@Property(name = "triggermesh.controller.aws-endpoint", value = "http://moto:5000")
class ControllerBeansTest {

    @Inject
    ApplicationContext context;

    @Test
    void theControllersAwsCallsUseTheConfiguredRegionAndEndpoint() {
        AwsEndpoints endpoints = context.getBean(AwsEndpoints.class);

        assertThat(endpoints.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(endpoints.endpointFor("sqs")).contains(URI.create("http://moto:5000"));
    }

    @Test
    @Property(name = "aws.endpoint.url.sqs", value = "http://elasticmq:9324")
    @Property(name = "aws.endpoint.url.secrets-manager", value = "https://sm.example.test")
    void aPerServiceEndpointPropertyWinsOverTheControllersEndpointForThatServiceOnly() {
        AwsEndpoints endpoints = context.getBean(AwsEndpoints.class);

        assertThat(endpoints.endpointFor("sqs")).contains(URI.create("http://elasticmq:9324"));
        assertThat(endpoints.endpointFor("secrets-manager")).contains(URI.create("https://sm.example.test"));
        assertThat(endpoints.endpointFor("sts")).contains(URI.create("http://moto:5000"));
    }

    @Test
    @Property(name = "aws.endpoint.url.sts", value = "")
    void anEmptyPerServiceEndpointIsRefusedNamingTheVariable() {
        // As for adapters: the SDK reads AWS_ENDPOINT_URL_STS itself and would fail every call when it is empty.
        assertThatThrownBy(() -> context.getBean(AwsEndpoints.class))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_STS is set but empty");
    }

    @Test
    @Property(name = "aws.endpoint.url.secrets.manager", value = "https://a.example.test")
    @Property(name = "aws.endpoint.url.secrets-manager", value = "https://b.example.test")
    void twoSpellingsOfOneServicesEndpointWithDifferentValuesAreRefusedNamingBoth() {
        assertThatThrownBy(() -> context.getBean(AwsEndpoints.class))
                .rootCause()
                .hasMessage("aws.endpoint.url.secrets-manager and aws.endpoint.url.secrets.manager both set "
                        + "AWS_ENDPOINT_URL_SECRETS_MANAGER, to different values: keep one of them")
                .hasMessageNotContaining("example.test");
    }

    @Test
    void theReconcilerAndValidatorAreOneBeanEachForTheWholeContext() {
        assertThat(context.getBean(ConnectorReconciler.class)).isSameAs(context.getBean(ConnectorReconciler.class));
        ObjectValidator validator = context.getBean(ObjectValidator.class);
        assertThat(validator).isSameAs(context.getBean(ObjectValidator.class));
        assertThat(context.getBean(PluginRegistry.class).kinds()).isNotEmpty();
    }
}
