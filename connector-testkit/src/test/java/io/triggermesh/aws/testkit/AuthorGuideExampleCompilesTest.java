package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * guide cannot drift from the code it documents.
 */
class AuthorGuideExampleCompilesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
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
