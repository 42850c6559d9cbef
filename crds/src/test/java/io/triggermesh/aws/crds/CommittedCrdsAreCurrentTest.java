package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed CRDs are exactly what the generator produces now from the plugins on the class path. crds/generated
 * is their one source; the chart's crds/ is a copy that every build of this module makes from it (copy-chart-crds in
 * crds/pom.xml). Nobody edits either by hand; when a spec type changes, this test names the one command that
 * regenerates the source and, with it, the copy.
 */
class CommittedCrdsAreCurrentTest {

    @Test
    void committedCrdsMatchAFreshGeneration() throws IOException {
        SortedMap<String, String> fresh = new CrdGenerator().generate(bundledPlugins());
        Path target = TestPaths.targetDirectory("generated-crds");
        CrdGenerator.write(fresh, target);

        List<String> stale = differences(fresh, TestPaths.committedCrds());
        if (!stale.isEmpty()) {
            fail("The committed CRDs are stale (fresh copies are in " + target + "):\n  "
                    + String.join("\n  ", stale) + "\nRegenerate them with:\n  " + CrdGenerator.REGENERATE_COMMAND);
        }
    }

    @Test
    void theChartsCrdsAreACopyOfTheSource() throws IOException {
        SortedMap<String, String> source = new TreeMap<>();
        try (Stream<Path> files = Files.list(TestPaths.committedCrds())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                source.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertThat(source).as("CRDs in " + TestPaths.committedCrds()).isNotEmpty();

        List<String> stale = differences(source, TestPaths.chartCrds());
        if (!stale.isEmpty()) {
            fail("The chart's CRDs are not a copy of " + TestPaths.committedCrds() + ":\n  "
                    + String.join("\n  ", stale) + "\nDelete files the source no longer has, then copy it with:\n  "
                    + CrdGenerator.REGENERATE_COMMAND);
        }
    }

    @Test
    void everyKindThePluginsDeclareHasOneCrdAndNothingElseIsGenerated() {
        SortedMap<String, String> fresh = new CrdGenerator().generate(bundledPlugins());
        List<String> expected = new ArrayList<>();
        for (ConnectorPlugin plugin : bundledPlugins()) {
            for (ConnectorKind<?> kind : plugin.kinds()) {
                expected.add(kind.descriptor().group() + "_" + kind.descriptor().plural() + ".yaml");
            }
        }
        assertThat(fresh.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fresh.keySet()).contains("sources.triggermesh.io_awss3sources.yaml",
                "targets.triggermesh.io_awss3targets.yaml", "sources.triggermesh.io_awssqssources.yaml",
                "targets.triggermesh.io_awssqstargets.yaml");
    }

    @Test
    void generationIsDeterministic() {
        assertThat(new CrdGenerator().generate(bundledPlugins()))
                .isEqualTo(new CrdGenerator().generate(bundledPlugins()));
    }

    @Test
    void writingRemovesOnlyFilesTheGeneratorMadeEarlier(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("old_kind.yaml"), CrdGenerator.HEADER_MARK + " earlier\nkind: X\n");
        Files.writeString(dir.resolve("hand-written.yaml"), "kind: Mine\n");
        SortedMap<String, String> files = new TreeMap<>();
        files.put("new_kind.yaml", CrdGenerator.HEADER_MARK + "\nkind: Y\n");

        CrdGenerator.write(files, dir);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("new_kind.yaml", "hand-written.yaml");
        }
    }

    static List<ConnectorPlugin> bundledPlugins() {
        return CrdGenerator.plugins(CommittedCrdsAreCurrentTest.class.getClassLoader(), Set.of());
    }

    private static List<String> differences(SortedMap<String, String> fresh, Path committed) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(committed)) {
            out.add(committed + " does not exist");
            return out;
        }
        for (var file : fresh.entrySet()) {
            Path path = committed.resolve(file.getKey());
            if (!Files.exists(path)) {
                out.add(path + " is missing");
            } else if (!Files.readString(path).equals(file.getValue())) {
                out.add(path + " differs");
            }
        }
        try (Stream<Path> files = Files.list(committed)) {
            files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !fresh.containsKey(p.getFileName().toString()))
                    .forEach(p -> out.add(p + " is not generated by any plugin any more"));
        }
        return out;
    }
}
