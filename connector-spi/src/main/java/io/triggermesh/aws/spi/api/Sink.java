package io.triggermesh.aws.spi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a source sends its CloudEvents: exactly one of {@code ref} (an Addressable object) or {@code uri}.
 *
 * @param ref an Addressable object whose address the controller resolves
 * @param uri an absolute http(s) URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ExactlyOneOf(value = {"ref", "uri"}, message = "set exactly one of ref or uri")
public record Sink(
        @JsonPropertyDescription("Reference to an Addressable object (for example a Broker). Exactly one of ref or uri.")
        SinkRef ref,
        @JsonPropertyDescription("Absolute http(s) URL that receives the events. Exactly one of ref or uri.")
        @FieldSchema(pattern = Sink.URI_PATTERN)
        String uri) {

    /** What the CRD schema accepts in {@code uri}: an http(s) URL with a host; {@link #uriProblem} says more. */
    public static final String URI_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s@]+([/?#]\\S*)?$";

    public static Sink toRef(SinkRef ref) {
        return new Sink(ref, null);
    }

    public static Sink toUri(String uri) {
        return new Sink(null, uri);
    }

    /**
     * Problems of a source's sink, which is required. {@code path} is the sink's JSON path, such as {@code spec.sink}.
     */
    public static List<Problem> problemsOfRequired(Sink sink, String path) {
        if (sink == null) {
            return List.of(new Problem(path, "is required: set " + path + ".ref to an Addressable object (for example"
                    + " apiVersion: eventing.knative.dev/v1, kind: Broker, name: default) or " + path
                    + ".uri to an http(s) URL"));
        }
        return sink.problems(path);
    }

    /** Problems of this sink at {@code path}. */
    public List<Problem> problems(String path) {
        List<Problem> problems = new ArrayList<>();
        if (ref == null && uri == null) {
            problems.add(new Problem(path, "is empty: set exactly one of ref or uri"));
        } else if (ref != null && uri != null) {
            problems.add(new Problem(path, "sets both ref and uri: keep exactly one"));
        }
        if (ref != null) {
            requireText(ref.apiVersion(), path + ".ref.apiVersion", "for example eventing.knative.dev/v1", problems);
            requireText(ref.kind(), path + ".ref.kind", "for example Broker", problems);
            requireText(ref.name(), path + ".ref.name", "the name of the referenced object", problems);
        }
        if (uri != null) {
            uriProblem(uri).ifPresent(reason -> problems.add(new Problem(path + ".uri", reason)));
        }
        return problems;
    }

    /** Why {@code text} is not an absolute http(s) URL with a host, if it is not one. */
    public static Optional<String> uriProblem(String text) {
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + "); use for example"
                    + " http://my-service.my-namespace.svc.cluster.local");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http:// or https:// URL, such as"
                    + " http://my-service.my-namespace.svc.cluster.local");
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            return Optional.of("has no host: use for example http://my-service.my-namespace.svc.cluster.local");
        }
        if (parsed.getRawUserInfo() != null) {
            // The sink URL is published in status and in the adapter's Deployment, where a password must not be.
            return Optional.of("must not contain user info (user:password@): the URL is shown in status and in the"
                    + " adapter's Deployment; authenticate the sink another way");
        }
        return Optional.empty();
    }

    /** The uri without user info, which may hold a password. */
    @Override
    public String toString() {
        return "Sink[ref=" + ref + ", uri=" + Redaction.uriForDisplay(uri) + "]";
    }

    private static void requireText(String value, String path, String example, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(path, "is required: " + example));
        }
    }
}
