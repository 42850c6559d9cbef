package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java files docs/connector-authors.md shows in full (every java block that starts with a package declaration:
 * the worked example's spec, kind, plugin and contract test) compile against the SPI, auth-core and this kit, so the
 * guide cannot drift from the code it documents; and the worked example's plugin follows the guide's own rules: the
 * contract checks pass on it and on the example manifest the guide shows.
 */
class AuthorGuideExampleCompilesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern YAML_BLOCK =
            Pattern.compile("```yaml\\n(apiVersion: [^\\n]*\\nkind: AWSSNSTarget\\n.*?)```", Pattern.DOTALL);
    private static final String WORKED_EXAMPLE_PLUGIN = "com.example.triggermesh.sns.SnsConnectorPlugin";
    private static final Pattern TYPE = Pattern.compile("(?m)^public (?:final |abstract )?(?:class|record|interface) (\\w+)"
            + "|^(?:final )?class (\\w+)");

    @TempDir
    Path classes;

    @Test
    void theGuidesCompleteJavaFilesCompile() throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("build.author.guide")), StandardCharsets.UTF_8);
        List<JavaFileObject> units = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(guide);
        while (block.find()) {
            String source = block.group(1);
            if (source.startsWith("package ")) {
                units.add(unit(source));
            }
        }
        assertThat(units).as("complete java files in docs/connector-authors.md").hasSizeGreaterThanOrEqualTo(4);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none", "--release", "17"),
                null, units).call();

        assertThat(compiled).as("javac on the guide's java files:%n%s", errors).isTrue();
        workedExampleFollowsTheRules(guide);
    }

    private void workedExampleFollowsTheRules(String guide) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            ConnectorPlugin plugin = (ConnectorPlugin) loader.loadClass(WORKED_EXAMPLE_PLUGIN)
                    .getConstructor().newInstance();
            assertThat(ContractChecks.crdProblems(plugin)).as("CRD of the worked example").isEmpty();
            Matcher yaml = YAML_BLOCK.matcher(guide);
            assertThat(yaml.find()).as("the worked example's manifest (a yaml block of kind AWSSNSTarget)").isTrue();
            JsonNode manifest = Manifests.read(yaml.group(1));
            for (ConnectorKind<?> kind : plugin.kinds()) {
                Class<?> specType = kind.descriptor().specType();
                assertThat(specType.getAnnotation(JsonClassDescription.class)).as("%s class description", specType)
                        .isNotNull();
                assertThat(SpecShapes.componentsWithoutDescription(specType)).isEmpty();
                assertThat(ContractChecks.manifestProblems(kind, manifest)).as("worked example manifest").isEmpty();
                Object spec = SpecShapes.JSON.treeToValue(
                        SpecShapes.ownFields(manifest.get("spec"), kind.descriptor().role()), specType);
                assertThat(ContractChecks.workloadProblems(kind, spec, Map.of())).as("worked example workload")
                        .isEmpty();
                assertThat(ContractChecks.permissionProblems(kind, spec, Map.of())).as("worked example permissions")
                        .isEmpty();
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate the worked example's plugin " + WORKED_EXAMPLE_PLUGIN, e);
        }
    }

    private static JavaFileObject unit(String source) {
        Matcher type = TYPE.matcher(source);
        if (!type.find()) {
            throw new AssertionError("no top-level type in a java block of the guide:\n" + source);
        }
        String name = type.group(1) != null ? type.group(1) : type.group(2);
        String pkg = source.substring("package ".length(), source.indexOf(';'));
        URI uri = URI.create("string:///" + pkg.replace('.', '/') + "/" + name + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }
}
