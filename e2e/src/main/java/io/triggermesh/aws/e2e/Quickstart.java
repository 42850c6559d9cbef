package io.triggermesh.aws.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.triggermesh.aws.local.EventDisplay;
import io.triggermesh.aws.local.LocalMode;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.EmulatorIam;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The README's quickstart: runs the whole system in local mode against an AWS emulator and shows, step by step,
 * an S3 source with keys from a Secret delivering an upload to the event display, an SQS target with temporary
 * credentials putting a posted event on a queue, and an IRSA source whose ServiceAccount the controller created.
 * Ends by itself with a summary; exit code 0 when every step worked.
 */
public final class Quickstart {

    static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SOURCES = "sources.triggermesh.io/v1alpha1";
    private static final String TARGETS = "targets.triggermesh.io/v1alpha1";

    private final PrintStream out;
    private final Demo demo;

    Quickstart(PrintStream out) {
        this.out = out;
        this.demo = new Demo(out);
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", io.triggermesh.aws.controller.ControllerCommand.LOGBACK_PROVIDER);
        }
        io.triggermesh.aws.controller.ControllerCommand.quietSlf4j();
        System.exit(new Quickstart(System.out).run());
    }

    int run() {
        AwsEmulator aws;
        try {
            aws = AwsEmulator.shared();
        } catch (RuntimeException e) {
            out.println("The quickstart needs an AWS emulator: " + e.getMessage());
            return 2;
        }
        out.println("AWS emulator: " + aws.kind() + " at " + aws.endpoint());
        Path work;
        try {
            work = Files.createTempDirectory("triggermesh-quickstart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (EmulatorIam iam = new EmulatorIam(aws); AwsClients clients = new AwsClients(aws);
             LocalMode local = LocalMode.start(new LocalMode.Options(aws.endpoint(), aws.region(), 0, work,
                     System.getProperty("java.class.path"), out))) {
            DemoWorld world = DemoWorld.create(iam, clients, work);
            out.println("Adapter logs and manifests: " + work);
            demo.step("Apply the manifests (Secrets, two S3 sources, an SQS target)", () -> {
                local.apply(List.of(world.manifests()));
                return "applied " + world.manifests().getFileName() + " to the in-memory Kubernetes API";
            });
            demo.step("S3 source with keys from a Secret: upload -> event at the display",
                    () -> s3SourceDelivers(local, clients, "uploads", DemoWorld.BUCKET, "hello/world one.txt"));
            demo.step("SQS target with a session token: POST an event -> it lands in the queue",
                    () -> sqsTargetSends(local, clients));
            demo.step("IRSA source: the controller created and annotated its ServiceAccount",
                    () -> irsaServiceAccount(local, world));
            demo.step("IRSA source delivers with the role's web identity",
                    () -> s3SourceDelivers(local, clients, "irsa-uploads", DemoWorld.IRSA_BUCKET, "irsa.txt"));
            demo.step("No secret appears in adapter logs, Events, statuses or Deployments",
                    () -> SecretLeaks.check(local, work, world.secretValues()));
        }
        demo.summary();
        return demo.allPassed() ? 0 : 1;
    }

    private String s3SourceDelivers(LocalMode local, AwsClients clients, String source, String bucket, String key) {
        awaitReady(local, SOURCES, "AWSS3Source", source);
        clients.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("hello from the quickstart"));
        EventDisplay.Received event = Demo.await("the event for " + key, WAIT, () -> local.display().received()
                .stream().filter(e -> key.equals(e.attributes().get("subject"))).findFirst());
        return event.attributes().get("type") + " from " + event.attributes().get("source") + ", subject "
                + event.attributes().get("subject");
    }

    private String sqsTargetSends(LocalMode local, AwsClients clients) {
        awaitReady(local, TARGETS, "AWSSQSTarget", "orders");
        String url = Demo.await("the target's local address", WAIT, () -> Optional.ofNullable(
                local.targetUrls().get("default/awssqstarget-orders")));
        int status = Demo.await("the target to accept an event", WAIT, () -> post(url));
        String queueUrl = clients.sqs().getQueueUrl(b -> b.queueName(DemoWorld.QUEUE)).queueUrl();
        Message message = Demo.await("the message in " + DemoWorld.QUEUE, WAIT, () -> clients.sqs()
                .receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(1))
                .messages().stream().findFirst());
        return "target answered " + status + "; queue got: " + message.body();
    }

    private static Optional<Integer> post(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("ce-specversion", "1.0").header("ce-id", "quickstart-1")
                .header("ce-type", "io.triggermesh.quickstart.order").header("ce-source", "quickstart")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\": 1, \"item\": \"coffee\"}")).build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.of(status) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();  // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String irsaServiceAccount(LocalMode local, DemoWorld world) {
        ServiceAccount sa = Demo.await("ServiceAccount awss3source-i-irsa-uploads", WAIT, () -> Optional.ofNullable(
                local.client().serviceAccounts().inNamespace("default").withName("awss3source-i-irsa-uploads")
                        .get()));
        String role = sa.getMetadata().getAnnotations() == null ? null
                : sa.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn");
        if (!world.irsaRole().equals(role)) {
            throw new IllegalStateException("ServiceAccount has role annotation " + role);
        }
        return "ServiceAccount " + sa.getMetadata().getName() + " labelled "
                + sa.getMetadata().getLabels() + ", annotated eks.amazonaws.com/role-arn=" + role;
    }

    static Map<?, ?> awaitReady(LocalMode local, String apiVersion, String kind, String name) {
        return Demo.await(kind + " " + name + " to be Ready", WAIT, () -> {
            GenericKubernetesResource object = local.client().genericKubernetesResources(apiVersion, kind)
                    .inNamespace("default").withName(name).get();
            if (object != null && object.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                    && status.get("conditions") instanceof List<?> conditions) {
                for (Object item : conditions) {
                    if (item instanceof Map<?, ?> c && "Ready".equals(c.get("type"))
                            && "True".equals(c.get("status"))) {
                        return Optional.of(status);
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** SDK clients signed with the emulator's root credentials, for setting up and checking the demo. */
    static final class AwsClients implements AutoCloseable {
        private final S3Client s3;
        private final SqsClient sqs;

        AwsClients(AwsEmulator aws) {
            this.s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(Region.of(aws.region()))
                    .forcePathStyle(true).credentialsProvider(aws.rootCredentialsProvider()).build();
            this.sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(Region.of(aws.region()))
                    .credentialsProvider(aws.rootCredentialsProvider()).build();
        }

        S3Client s3() {
            return s3;
        }

        SqsClient sqs() {
            return sqs;
        }

        @Override
        public void close() {
            s3.close();
            sqs.close();
        }
    }
}
