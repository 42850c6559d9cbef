package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.auth.credentials.ObjectCredentials;
import io.triggermesh.aws.auth.credentials.PodIdentityAgent;
import io.triggermesh.aws.controller.config.AwsEndpointVariables;
import io.triggermesh.aws.controller.config.ControllerSettings;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.kube.EventRecorder;
import io.triggermesh.aws.controller.kube.KubernetesSecretReader;
import io.triggermesh.aws.controller.kube.TokenRequestSource;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.ConnectorReconciler;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;

/**
 * The controller's composition root: the collaborators {@link ControllerRuntime} drives, as beans, so that the
 * runtime only runs informers, the work queue and leadership. The client ({@code kube.KubernetesClientFactory}),
 * the plugins ({@code plugins.PluginRegistryFactory}) and the adapter settings ({@code config.AdapterSettingsFactory})
 * come from their own factories.
 */
@Factory
class ControllerBeans {

    @Singleton
    ObjectValidator objectValidator(PluginRegistry registry) {
        return new ObjectValidator(registry);
    }

    @Singleton
    EventRecorder eventRecorder(KubernetesClient client) {
        return new EventRecorder(client);
    }

    /**
     * Where the controller's own AWS calls go: the configured region and endpoint, and per-service endpoints from
     * the SDK's {@code AWS_ENDPOINT_URL_<SERVICE>} variables, which Micronaut reads as {@code aws.endpoint.url.*}
     * properties ({@link AwsEndpointVariables}); auth-core's AwsEndpoints parses them as it does for adapters.
     */
    @Singleton
    AwsEndpoints awsEndpoints(ControllerSettings settings, Environment environment) {
        AwsEndpoints configured = AwsEndpoints.fromEnvironment(AwsEndpointVariables.from(environment).variables());
        AwsEndpoints endpoints = new AwsEndpoints(Region.of(settings.awsRegion()), configured.globalEndpoint(),
                configured.serviceEndpoints());
        return settings.awsEndpoint() == null ? endpoints : endpoints.withGlobalEndpoint(settings.awsEndpoint());
    }

    @Singleton
    ObjectCredentials objectCredentials(KubernetesClient client, AwsEndpoints endpoints, ControllerSettings settings) {
        return new ObjectCredentials(new KubernetesSecretReader(client), new TokenRequestSource(client), endpoints,
                settings.identityChoice(), new PodIdentityAgent(settings.podIdentityAgentUri()));
    }

    @Singleton
    ConnectorReconciler connectorReconciler(KubernetesClient client, ObjectValidator validator, EventRecorder events,
                                            ObjectCredentials credentials, AdapterSettings adapterSettings,
                                            ControllerSettings settings) {
        return new ConnectorReconciler(client, validator, events, credentials, adapterSettings,
                settings.cleanupAttempts(), Clock.systemUTC(), settings.crossNamespaceSinks(),
                settings.identityCheck(), settings.identityCheckInterval());
    }
}
