package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest of the user guide (examples/, placeholders replaced by real values) passes admission. */
class ExampleManifestsAreAdmittedTest {

    private static final Admission ADMISSION = new Admission(GeneratedCrds.committed());

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(TestPaths.examples())) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
            assertThat(yaml).as("examples in " + TestPaths.examples()).isNotEmpty();
            return yaml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsAdmitted(Path file) {
        List<ObjectNode> documents = Yaml.readAll(file);
        assertThat(documents).isNotEmpty();
        for (ObjectNode document : documents) {
            if (document.path("apiVersion").asText().contains("triggermesh.io/")) {
                assertThat(ADMISSION.problems(document)).as(file.getFileName().toString()).isEmpty();
            }
        }
    }
}
