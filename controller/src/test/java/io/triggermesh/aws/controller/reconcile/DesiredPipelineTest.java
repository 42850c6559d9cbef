package io.triggermesh.aws.controller.reconcile;

import static io.triggermesh.aws.controller.plugins.TestPlugins.echoKind;
import static io.triggermesh.aws.controller.plugins.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.plugins.TestPlugins.EchoSpec;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.SpiVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The steps both the reconciler and render run, over objects held in memory. */
class DesiredPipelineTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ARN = "arn:aws:sqs:us-east-1:123456789012:orders";

    /** The echo kind, but announcing its own CloudEvent source. */
    private static final ConnectorKind<EchoSpec> OVERRIDING = new ConnectorKind<>() {
        private final ConnectorKind<EchoSpec> echo = echoKind("AWSOwnSourceSource");

        @Override
        public KindDescriptor<EchoSpec> descriptor() {
            return echo.descriptor();
        }

        @Override
        public AdapterWorkload adapter(ObjectContext<EchoSpec> object) {
            return echo.adapter(object);
        }

        @Override
        public String eventSource(ObjectContext<EchoSpec> object) {
            return "https://example.com/" + object.namespace() + "/" + object.name();
        }
    };

    private final ObjectValidator validator = new ObjectValidator(PluginRegistry.of(List.of(plugin("echo",
            SpiVersion.CURRENT, echoKind("AWSEchoSource"), OVERRIDING)), Set.of()));

    @Test
    void byDefaultStatusAnnouncesTheArnTheAdapterGetsAsTheEventSource() throws Exception {
        Map<String, Object> status = run(object("AWSEchoSource"), new Recording(List.of()), false).status;

        assertThat(status.get("ceAttributes")).isEqualTo(List.of(Map.of("type", "io.test.echo", "source", ARN)));
    }

    @Test
    void aPluginThatSaysWhichSourceItsAdapterUsesIsAnnouncedWithIt() throws Exception {
        Map<String, Object> status = run(object("AWSOwnSourceSource"), new Recording(List.of()), false).status;

        assertThat(status.get("ceAttributes")).isEqualTo(List.of(Map.of("type", "io.test.echo",
                "source", "https://example.com/team-a/orders")));
    }

    @Test
    void aSecondPassOverWhatTheFirstWroteWritesNothing() throws Exception {
        Recording cluster = new Recording(List.of());
        GenericKubernetesResource object = object("AWSEchoSource");
        // As render runs it (a preview).
        Outcome first = run(object, cluster, true);
        assertThat(cluster.ops).containsExactly("CREATE ServiceAccount/awsechosource-i-orders",
                "CREATE Deployment/awsechosource-orders");
        cluster.ops.clear();

        Outcome second = run(object, cluster, true);

        assertThat(cluster.ops).containsExactly("KEEP ServiceAccount/awsechosource-i-orders",
                "KEEP Deployment/awsechosource-orders");
        assertThat(second.objects).extracting(o -> Json.normalise(o))
                .isEqualTo(first.objects.stream().map(Json::normalise).toList());
    }

    @Test
    void aDeploymentThisObjectDoesNotControlIsNeitherWrittenNorShownAndDeployedSaysWhoseItIs() throws Exception {
        GenericKubernetesResource someoneElses = Json.MAPPER.convertValue(YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: awsechosource-orders, namespace: team-a}
                spec: {replicas: 1}
                """), GenericKubernetesResource.class);
        Recording cluster = new Recording(List.of(someoneElses));

        Outcome outcome = run(object("AWSEchoSource"), cluster, true);

        assertThat(cluster.ops).containsExactly("CREATE ServiceAccount/awsechosource-i-orders");
        assertThat(outcome.objects).extracting(HasMetadata::getKind).containsExactly("ServiceAccount");
        assertThat(conditions(outcome.status)).filteredOn(c -> c.type().equals(Condition.DEPLOYED)).singleElement()
                .satisfies(c -> {
                    assertThat(c.reason()).isEqualTo(Ownership.REASON);
                    assertThat(c.message()).startsWith("Deployment/awsechosource-orders in namespace team-a");
                });
    }

    private static List<Condition> conditions(Map<String, Object> status) {
        return ((List<?>) status.get("conditions")).stream().map(c -> Condition.fromMap((Map<?, ?>) c)).toList();
    }

    private record Outcome(Map<String, Object> status, List<HasMetadata> objects) {
    }

    private Outcome run(GenericKubernetesResource resource, Cluster cluster, boolean preview) {
        ObjectView object = new ObjectView(resource);
        ValidatedObject validated = validator.validate(object.node());
        assertThat(validated.problems()).isEmpty();
        StatusBuilder status = new StatusBuilder(object.status(), object.generation(), Clock.systemUTC());
        Pass pass = new Pass(validated.kind(), object, object.owner(validated.kind()), validated, status);
        new DesiredPipeline(AdapterSettings.defaults(), false, preview).run(pass, cluster,
                DesiredPipeline.LiveSteps.NONE);
        return new Outcome(status.build("ready"), pass.objects());
    }

    private static GenericKubernetesResource object(String kind) throws Exception {
        ObjectNode node = (ObjectNode) YAML.readTree("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: %s
                metadata: {name: orders, namespace: team-a, uid: 6f1c0d7e-0000-4000-8000-000000000001}
                spec:
                  arn: %s
                  auth:
                    iam: {roleArn: "arn:aws:iam::123456789012:role/orders"}
                  sink: {uri: "http://display.team-a.svc.cluster.local"}
                """.formatted(kind, ARN));
        return Json.MAPPER.convertValue(node, GenericKubernetesResource.class);
    }

    /** Objects in memory, with every change the steps hand over recorded as {@code OP Kind/name}. */
    private static final class Recording implements Cluster {
        private final GivenObjects objects;
        private final List<String> ops = new ArrayList<>();

        Recording(List<GenericKubernetesResource> given) {
            this.objects = new GivenObjects(given);
        }

        @Override
        public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
            return objects.get(type, namespace, name);
        }

        @Override
        public GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
            return objects.get(apiVersion, kind, namespace, name);
        }

        @Override
        public HasMetadata write(Change change) {
            ops.add(change.op() + " " + change.object().getKind() + "/" + change.object().getMetadata().getName());
            return objects.write(change);
        }
    }
}
