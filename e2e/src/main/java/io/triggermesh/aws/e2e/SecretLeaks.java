package io.triggermesh.aws.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.local.LocalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for secret values everywhere a user or an operator can see them: every adapter log, every Event, the status
 * of every connector object and every Deployment. The Secrets themselves are the only place they may be.
 */
final class SecretLeaks {

    private static final Map<String, List<String>> KINDS = Map.of(
            "sources.triggermesh.io/v1alpha1", List.of("AWSS3Source", "AWSSQSSource"),
            "targets.triggermesh.io/v1alpha1", List.of("AWSS3Target", "AWSSQSTarget"));

    private SecretLeaks() {
    }

    static String check(LocalMode local, Path workDir, List<String> secrets) {
        List<String> places = new ArrayList<>();
        int logs = 0;
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                logs++;
                scan("adapter log " + log.getFileName(), Files.readString(log), secrets, places);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var client = local.client();
        client.v1().events().inAnyNamespace().list().getItems()
                .forEach(e -> scan("Event " + e.getMetadata().getName(), Serialization.asJson(e), secrets, places));
        client.apps().deployments().inAnyNamespace().list().getItems()
                .forEach(d -> scan("Deployment " + d.getMetadata().getName(), Serialization.asJson(d), secrets,
                        places));
        KINDS.forEach((apiVersion, kinds) -> kinds.forEach(kind -> {
            for (GenericKubernetesResource object : client.genericKubernetesResources(apiVersion, kind)
                    .inAnyNamespace().list().getItems()) {
                scan(kind + " " + object.getMetadata().getName() + " status",
                        String.valueOf(object.getAdditionalProperties().get("status")), secrets, places);
            }
        }));
        if (!places.isEmpty()) {
            throw new IllegalStateException("secret values found in: " + places);
        }
        return "checked " + logs + " adapter logs, all Events, statuses and Deployments: no secret value";
    }

    private static void scan(String place, String text, List<String> secrets, List<String> found) {
        if (secrets.stream().anyMatch(text::contains)) {
            found.add(place);
        }
    }
}
