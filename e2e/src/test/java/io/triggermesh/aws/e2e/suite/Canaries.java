package io.triggermesh.aws.e2e.suite;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret values the suite put into Secrets and manifests (keys, session tokens, and a canary entry per Secret).
 * After a suite, none of them, and nothing shaped like an AWS key id or an emulator-issued session token, may appear
 * in any log (everything runs at TRACE), Event, connector status, Deployment, HTTP reply of a target or its
 * {@code /health}: Secrets are the only place they live.
 */
final class Canaries {

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    /**
     * Credentials nobody put anywhere, so no canary can name them: access key ids of any kind (STS issues ASIA ids
     * to every assumed role and web identity), and session tokens as the emulator issues them.
     */
    private static final Pattern SHAPES = Pattern.compile(
            "(?<![A-Z0-9])A[KS]IA[A-Z0-9]{16}(?![A-Z0-9])|FQoGZXIvYXdzEBYaD");
    /** What users were shown outside the API and the logs: HTTP replies and health answers, by place. */
    private static final Map<String, String> SHOWN = new ConcurrentHashMap<>();

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

    /** Remembers a text the system answered (an HTTP reply), for the final check. */
    static void shown(String place, String text) {
        SHOWN.merge(place, text == null ? "" : text, (a, b) -> a + "\n" + b);
    }

    /** Where any registered value or credential shape appears in what {@code system} shows; empty when nowhere. */
    static List<String> findIn(LocalSystem system) {
        List<String> found = new ArrayList<>();
        SHOWN.forEach((place, text) -> scan(place, text, found));
        system.targetUrls().forEach((deployment, url) -> Objects.health(url)
                .ifPresent(health -> scan("/health of " + deployment, health, found)));
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
        } else {
            Matcher shape = SHAPES.matcher(text);
            if (shape.find()) {
                // Only the start: enough to find it, not enough to use it.
                found.add(place + " (credential shape " + shape.group().substring(0, 8) + "...)");
            }
        }
    }
}
