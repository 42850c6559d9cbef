package io.triggermesh.aws.controller.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Controller benchmark (a program, not a test): creates N AWSSQSTarget objects against the mock Kubernetes API and
 * prints the time until all are Ready, API requests per object (reads and writes, against the minimum of 3 writes:
 * Deployment, Service, status), writes during a no-op resync (must be 0) and memory.
 *
 * <p>Run: {@code ./mvnw -B -q -pl controller -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.triggermesh.aws.controller.it.ControllerBenchmark -Dexec.args=1000}
 */
public final class ControllerBenchmark {

    private static final int MINIMUM_WRITES_PER_OBJECT = 3;

    private ControllerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("controller-benchmark");
        try (InMemoryCluster cluster = InMemoryCluster.start(PluginRegistry.load(
                ControllerBenchmark.class.getClassLoader(), Set.of()).descriptors(), dir);
             ControllerHarness controller = ControllerHarness.start(cluster, "http://127.0.0.1:1",
                     Map.of("triggermesh.controller.resync", "5s", "triggermesh.controller.workers", 2))) {
            NamespacedKubernetesClient kube = cluster.client();
            kube.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace("default")
                    .endMetadata().withStringData(Map.of("id", "x", "secret", "y")).build()).create();
            cluster.drainRequests();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                kube.resource(target("bench-" + i)).create();
            }
            long created = System.nanoTime();
            while (ready(kube) < count) {
                Thread.sleep(200);  // polling a benchmark's progress, not synchronising a test
            }
            long allReady = System.nanoTime();
            Map<String, Integer> converge = byMethod(cluster.drainRequests(), count);

            Thread.sleep(Duration.ofSeconds(12).toMillis());  // two resync periods
            Map<String, Integer> resync = byMethod(cluster.drainRequests(), 0);
            int resyncWrites = resync.entrySet().stream().filter(e -> !e.getKey().equals("GET"))
                    .mapToInt(Map.Entry::getValue).sum();

            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            int writes = converge.entrySet().stream().filter(e -> !e.getKey().equals("GET"))
                    .mapToInt(Map.Entry::getValue).sum();
            int reads = converge.getOrDefault("GET", 0);
            System.out.printf("objects                         %d%n", count);
            System.out.printf("create calls took                %.1f s%n", (created - start) / 1e9);
            System.out.printf("time to all Ready                %.1f s%n", (allReady - start) / 1e9);
            System.out.printf("API requests per object          %.2f (%.2f writes, %.2f reads)%n",
                    (double) (writes + reads) / count, (double) writes / count, (double) reads / count);
            System.out.printf("writes per object vs minimum     %.2fx (minimum %d)%n",
                    (double) writes / count / MINIMUM_WRITES_PER_OBJECT, MINIMUM_WRITES_PER_OBJECT);
            System.out.printf("writes during no-op resync       %d (must be 0)%n", resyncWrites);
            System.out.printf("requests by method (converge)    %s%n", converge);
            System.out.printf("heap after GC (controller+mock)  %d MiB%n", heapMb);
            System.out.printf("process RSS (controller+mock)    %s%n", rss());
            if (resyncWrites != 0) {
                System.exit(1);
            }
        }
    }

    private static GenericKubernetesResource target(String name) {
        return Serialization.unmarshal("""
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: %s, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:bench
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: id}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: secret}}
                """.formatted(name), GenericKubernetesResource.class);
    }

    private static long ready(NamespacedKubernetesClient kube) {
        return kube.genericKubernetesResources("targets.triggermesh.io/v1alpha1", "AWSSQSTarget")
                .inNamespace("default").list().getItems().stream()
                .filter(r -> String.valueOf(r.getAdditionalProperties().get("status")).contains("reason=Ready,"))
                .count();
    }

    /** Requests by method, without the benchmark's own creates and polling lists. */
    private static Map<String, Integer> byMethod(List<RecordedRequest> requests, int ownCreates) {
        Map<String, Integer> out = new TreeMap<>();
        for (RecordedRequest request : requests) {
            boolean pollingList = request.getMethod().equals("GET") && request.getPath().endsWith("/awssqstargets");
            if (!pollingList) {
                out.merge(request.getMethod(), 1, Integer::sum);
            }
        }
        out.merge("POST", -ownCreates, Integer::sum);
        return out;
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
    }
}
