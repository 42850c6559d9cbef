package io.triggermesh.aws.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The controller image carries no test API server: the in-memory cluster (fabric8's mock API server, its mock web
 * server, the Pod Identity agent; the in-memory-cluster module, a test dependency of the controller) and local mode
 * (the local module) never reach the jar the image runs.
 */
class ControllerImageContentsIT {

    /** Packages of a Kubernetes API server for tests, of the in-memory cluster and of local mode itself. */
    private static final List<String> NOT_IN_PRODUCTION = List.of("io/fabric8/kubernetes/client/server/mock/",
            "io/fabric8/mockwebserver/", "okhttp3/mockwebserver/", "io/triggermesh/aws/cluster/",
            "io/triggermesh/aws/local/");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)");

    private final Path dist = Path.of(System.getProperty("distribution.directory",
            "target/triggermesh-aws-0.1.0-SNAPSHOT"));

    @Test
    void theImagesClassPathIsTheControllerJarAlone() throws IOException {
        String dockerfile = Files.readString(dist.resolve("docker/controller.Dockerfile"));
        Matcher copy = COPY.matcher(dockerfile);
        int jars = 0;
        while (copy.find()) {
            if (copy.group(1).endsWith(".jar") || copy.group(1).contains("lib")) {
                assertThat(copy.group(1)).as("a jar the controller image copies").isEqualTo("controller/controller.jar");
                jars++;
            }
        }
        assertThat(jars).as("jars the controller image copies").isEqualTo(1);
    }

    @Test
    void theControllerJarHoldsNoMockApiServerNorLocalMode() throws IOException {
        try (JarFile jar = new JarFile(dist.resolve("controller/controller.jar").toFile())) {
            List<String> found = jar.stream().map(ZipEntry::getName)
                    .filter(name -> NOT_IN_PRODUCTION.stream().anyMatch(name::startsWith))
                    .limit(5).toList();
            assertThat(found).as("test API server or local mode classes in the controller jar").isEmpty();
            assertThat(jar.getEntry("io/triggermesh/aws/controller/ControllerCommand.class"))
                    .as("the jar checked is the controller's").isNotNull();
        }
    }
}
