package io.triggermesh.aws.e2e.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.testing.MotoPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code controller.jar policy KIND -f FILE --for adapter|controller} as a user would, and turns what it prints
 * into the one policy document an identity that is both the object's controller-side and adapter-side identity
 * needs, rewritten only where moto's IAM evaluation differs from AWS ({@link MotoPolicy}).
 */
final class PolicyCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private PolicyCommand() {
    }

    /**
     * The statements {@code policy} prints for the object in {@code manifest} as applied to {@code namespace}
     * (resource names can depend on it), adapter and controller together.
     */
    static List<JsonNode> statements(String kind, String namespace, String manifest, Path workDir) {
        List<JsonNode> statements = new ArrayList<>();
        for (String side : List.of("adapter", "controller")) {
            try {
                JSON.readTree(run(kind, namespace, manifest, side, workDir)).path("Statement").forEach(statements::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return statements;
    }

    /** Every action of {@code statements}. */
    static List<String> actions(List<JsonNode> statements) {
        List<String> actions = new ArrayList<>();
        statements.forEach(s -> values(s.path("Action")).forEach(actions::add));
        return actions;
    }

    /** {@code statements} without {@code removed}, as a policy document for moto ({@link MotoPolicy}). */
    static String forMoto(List<JsonNode> statements, String removed) {
        return MotoPolicy.of(statements.stream().map(s -> new MotoPolicy.Grant(values(s.path("Action")),
                values(s.path("Resource")))).toList(), removed);
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String run(String kind, String namespace, String manifest, String side, Path workDir)
            throws IOException {
        Path file = Files.writeString(workDir.resolve("policy-" + kind + ".yaml"), manifest);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", LocalSystem.controllerJar().toString(), "policy", kind,
                "-f", file.toString(), "-n", namespace, "--for", side).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("controller.jar policy " + kind + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
        return output.substring(output.indexOf('{'));
    }
}
