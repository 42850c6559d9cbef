package io.triggermesh.aws.controller.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.triggermesh.aws.controller.json.Mappers;
import io.triggermesh.aws.spi.api.Shown;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests (multi-document YAML or JSON) from files and directories. Input that cannot be read
 * fails with an {@link InputException} whose message names the file (and line and column for syntax errors).
 */
public final class Manifests {

    /**
     * The largest manifest file read. The API server stores objects of at most about 1.5 MiB, so a larger file is
     * a mistake (a log, an archive), and reading it whole would only cost memory.
     */
    public static final long MAX_FILE_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper YAML = Mappers.YAML;
    /** Kinds and names that are safe to print as they are; anything else is quoted and escaped. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9.]{0,252}");
    private static final Pattern PLAIN_PATH = Pattern.compile("[-A-Za-z0-9._/~+@=,]{1,300}");

    private Manifests() {
    }

    /** One document of a manifest file. */
    public record Document(Path file, int index, ObjectNode object) {

        public String kind() {
            return object.path("kind").asText("");
        }

        public String apiVersion() {
            return object.path("apiVersion").asText("");
        }

        public String name() {
            return object.path("metadata").path("name").asText("");
        }

        public String namespace() {
            return object.path("metadata").path("namespace").asText("default");
        }

        /** {@code file#index Kind/name}, for messages. */
        public String label() {
            return shown(file) + "#" + index + " " + plain(kind()) + "/"
                    + (name().isEmpty() ? "<no name>" : plain(name()));
        }

        private static String plain(String text) {
            return PLAIN.matcher(text).matches() ? text : Shown.quoted(text);
        }
    }

    /** Every document in the given files, and in the {@code .yaml}/{@code .yml}/{@code .json} files of directories. */
    public static List<Document> read(List<Path> paths) {
        List<Document> documents = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : expand(path)) {
                documents.addAll(readFile(file));
            }
        }
        return documents;
    }

    private static List<Path> expand(Path path) {
        if (!Files.exists(path)) {
            throw new InputException(shown(path) + ": no such file or directory; check the path given to -f");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new InputException(shown(path) + ": cannot list the directory (" + e.getMessage() + ")", e);
        }
    }

    private static List<Document> readFile(Path file) {
        checkSize(file);
        List<Document> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            int index = 0;
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); index++) {
                JsonNode node = it.next();
                if (node instanceof ObjectNode object) {
                    documents.add(new Document(file, index, object));
                }
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (RuntimeException e) {
            // MappingIterator wraps what the parser throws in a RuntimeException.
            if (e.getCause() instanceof JsonProcessingException syntax) {
                throw syntaxError(file, syntax);
            }
            throw e;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return documents;
    }

    private static void checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new InputException(shown(file) + " is " + size + " bytes; manifest files are limited to "
                    + MAX_FILE_BYTES + " bytes (2 MiB), since Kubernetes stores objects of at most about 1.5 MiB:"
                    + " check that this is the file you meant, or split it");
        }
    }

    private static InputException syntaxError(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new InputException(shown(file) + where + ": not valid YAML: " + summary(e.getOriginalMessage())
                + "; fix the syntax at that line (indentation, a missing ':' or an unclosed quote or bracket)", e);
    }

    private static InputException unreadable(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        return new InputException(shown(file) + ": cannot read (" + reason + "); check the path and its permissions",
                e);
    }

    /**
     * The parser's explanation without the excerpt it quotes: SnakeYAML writes the context and the problem on lines
     * of their own and indents the marks and the quoted source under them.
     */
    private static String summary(String message) {
        String text = message == null ? "" : message.lines().filter(line -> !line.isBlank())
                .filter(line -> !Character.isWhitespace(line.charAt(0))).collect(Collectors.joining(": "));
        String summary = text.isEmpty() ? "syntax error" : text;
        return summary.length() > 200 ? summary.substring(0, 200) + "…" : summary;
    }

    private static String shown(Path path) {
        String text = path.toString();
        return PLAIN_PATH.matcher(text).matches() ? text : Shown.quoted(text);
    }
}
