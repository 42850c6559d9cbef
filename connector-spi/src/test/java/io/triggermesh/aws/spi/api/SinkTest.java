package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.Problem;
import org.junit.jupiter.api.Test;

class SinkTest {

    private static final SinkRef BROKER = SinkRef.of("eventing.knative.dev/v1", "Broker", "default");

    @Test
    void aRefOrAUriAloneIsValid() {
        assertThat(Sink.toRef(BROKER).problems("spec.sink")).isEmpty();
        assertThat(Sink.toUri("http://sink.default.svc.cluster.local/events").problems("spec.sink")).isEmpty();
        assertThat(Sink.toUri("https://example.com").problems("spec.sink")).isEmpty();
    }

    @Test
    void aMissingSinkIsRequiredWithAnExample() {
        assertThat(Sink.problemsOfRequired(null, "spec.sink")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.sink");
            assertThat(p.message()).contains("is required").contains("spec.sink.ref").contains("spec.sink.uri");
        });
    }

    @Test
    void exactlyOneOfRefAndUri() {
        assertThat(new Sink(null, null).problems("spec.sink")).extracting(Problem::message)
                .containsExactly("is empty: set exactly one of ref or uri");
        assertThat(new Sink(BROKER, "http://x").problems("spec.sink")).extracting(Problem::message)
                .containsExactly("sets both ref and uri: keep exactly one");
    }

    @Test
    void aRefNeedsApiVersionKindAndName() {
        assertThat(Sink.toRef(new SinkRef(null, " ", null, "ns")).problems("spec.sink")).extracting(Problem::path)
                .containsExactly("spec.sink.ref.apiVersion", "spec.sink.ref.kind", "spec.sink.ref.name");
    }

    @Test
    void theUriMustBeAbsoluteHttp() {
        assertThat(Sink.toUri("ftp://host/x").problems("spec.sink")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("http://"));
        assertThat(Sink.toUri("/relative").problems("spec.sink")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("spec.sink.uri"));
        assertThat(Sink.toUri("http://").problems("spec.sink")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("spec.sink.uri"));
        assertThat(Sink.toUri("http://bad host").problems("spec.sink")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a valid URL"));
    }

    @Test
    void toStringHidesAPasswordInTheUri() {
        assertThat(Sink.toUri("https://user:s3cret@example.com/path?q=1").toString())
                .doesNotContain("s3cret").doesNotContain("user:").contains("https://***@example.com/path?***");
        assertThat(Sink.toUri("http://example.com/a@b").toString()).contains("http://example.com/a@b");
    }

    @Test
    void sinkUrlsWithUserInfoAreRejectedWithoutEchoingThem() {
        assertThat(Sink.uriProblem("https://user:s3cret@events.example.com/in")).hasValueSatisfying(message ->
                assertThat(message).contains("user info").doesNotContain("s3cret"));
    }
}
