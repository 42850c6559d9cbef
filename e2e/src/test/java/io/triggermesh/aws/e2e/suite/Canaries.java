package io.triggermesh.aws.e2e.suite;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret values the suite put into Secrets and manifests (keys, session tokens, and a canary entry per Secret).
 * After a suite, none of them may appear in any log (everything runs at DEBUG), Event, connector status or
 * Deployment: Secrets are the only place they live.
 */
final class Canaries {

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private Canaries() {
    }

    static void add(String... values) {
        VALUES.addAll(List.of(values));
    }

    /** A new canary value, registered. */
    static String next() {
        String value = "canary-" + UUID.randomUUID();
        VALUES.add(value);
        return value;
    }

    /** Where any registered value appears in what {@code system} shows; empty when nowhere. */
    static List<String> findIn(LocalSystem system) {
        List<String> found = new ArrayList<>();
        for (Path log : system.logs()) {
            scan("log " + log.getFileName(), LocalSystem.read(log), found);
        }
        KubernetesClient client = system.client();
        client.v1().events().inAnyNamespace().list().getItems()
                .forEach(e -> scan("Event " + e.getMetadata().getName(), Serialization.asJson(e), found));
        client.apps().deployments().inAnyNamespace().list().getItems()
                .forEach(d -> scan("Deployment " + d.getMetadata().getName(), Serialization.asJson(d), found));
        for (String kind : List.of("AWSS3Source", "AWSSQSSource", "AWSS3Target", "AWSSQSTarget")) {
            for (GenericKubernetesResource object : client.genericKubernetesResources(Kinds.context(kind)
                    .orElseThrow()).inAnyNamespace().list().getItems()) {
                scan(kind + " " + object.getMetadata().getName() + " status",
                        String.valueOf(Objects.status(object)), found);
            }
        }
        if (system.logs().size() < 2) {
            found.add("(too few logs to be a meaningful check: " + system.logs() + ")");
        }
        return found;
    }

    private static void scan(String place, String text, List<String> found) {
        if (VALUES.stream().anyMatch(text::contains)) {
            found.add(place);
        }
    }
}
