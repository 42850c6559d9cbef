package io.triggermesh.aws.crds;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's files: from the build's system properties, else relative to crds/. */
final class TestPaths {

    private TestPaths() {
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    }

    static Path committedCrds() {
        return Path.of(System.getProperty("crds.committed", "generated")).toAbsolutePath().normalize();
    }

    static Path chartCrds() {
        return Path.of(System.getProperty("crds.chart", "../charts/triggermesh-aws/crds")).toAbsolutePath()
                .normalize();
    }

    static Path chart() {
        return repositoryRoot().resolve("charts/triggermesh-aws");
    }

    static Path examples() {
        return repositoryRoot().resolve("examples");
    }

    /** A fresh directory under target/ for one test's output. */
    static Path targetDirectory(String name) {
        try {
            Path dir = Path.of("target", name).toAbsolutePath();
            Files.createDirectories(dir);
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
