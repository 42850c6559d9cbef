package io.triggermesh.aws.s3.adapter.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.s3.adapter.target.ObjectKeys.KeyChoice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private static CloudEvent event(String subject, String type, String source, String id) {
        return CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source)).withSubject(subject)
                .build();
    }

    private static String keyOf(CloudEvent event) {
        KeyChoice choice = ObjectKeys.keyFor(event);
        assertThat(choice).isInstanceOf(KeyChoice.Key.class);
        return ((KeyChoice.Key) choice).key();
    }

    @Test
    void aSafeSubjectIsTheKey() {
        assertThat(keyOf(event("reports/2026/11/summary ü.json", "t", "/s", "1")))
                .isEqualTo("reports/2026/11/summary ü.json");
        assertThat(keyOf(event("a..b/.hidden/c.", "t", "/s", "1"))).as("dots inside names are fine")
                .isEqualTo("a..b/.hidden/c.");
    }

    @Test
    void withoutSubjectTheKeyIsTypeSourceAndIdEncoded() {
        assertThat(keyOf(event(null, "com.example.order", "https://shop.example/orders", "o-1")))
                .isEqualTo("com.example.order/https%3A%2F%2Fshop.example%2Forders/o-1");
    }

    @Test
    void derivedKeysAreDeterministicAndDistinctPerEvent() {
        String key = keyOf(event(null, "t", "/src", "1"));

        assertThat(keyOf(event(null, "t", "/src", "1"))).isEqualTo(key);
        assertThat(keyOf(event(null, "t", "/src", "2"))).isNotEqualTo(key);
        assertThat(keyOf(event(null, "t", "/src2", "1"))).isNotEqualTo(key);
        // '/' inside a part cannot make two different events meet on one key.
        assertThat(keyOf(event(null, "t", "/a/b", "c"))).isNotEqualTo(keyOf(event(null, "t", "/a", "b/c")));
    }

    @Test
    void derivedKeysAreAlwaysSafe() {
        for (CloudEvent event : new CloudEvent[] {event(null, "..", "..", ".."), event(null, ".", "/", "."),
                event(null, "t\u0001", "/s", "\u0007id"), event(null, "t", "/s", "x".repeat(3000))}) {
            String key = keyOf(event);
            assertThat(ObjectKeys.unsafeReason(key)).as(key).isEmpty();
        }
    }

    @Test
    void tooLongDerivedKeysAreHashed() {
        String key = keyOf(event(null, "com.example.t", "/s", "x".repeat(3000)));

        assertThat(key).matches("com\\.example\\.t/[0-9a-f]{64}");
        assertThat(keyOf(event(null, "com.example.t", "/s", "y".repeat(3000)))).isNotEqualTo(key);
    }

    @Test
    void unsafeSubjectsAreRefusedNotRewritten() {
        assertThat(ObjectKeys.keyFor(event("../etc/passwd", "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("contains a '..' path segment"));
        assertThat(ObjectKeys.keyFor(event("a/./b", "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("contains a '.' path segment"));
        assertThat(ObjectKeys.keyFor(event("a\\..\\b", "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("contains a '..' path segment"));
        assertThat(ObjectKeys.keyFor(event("/absolute", "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("starts with '/'"));
        assertThat(ObjectKeys.keyFor(event("line\nbreak", "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("contains a control character"));
        assertThat(ObjectKeys.keyFor(event("bad\ud800surrogate", "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("is not valid Unicode"));
    }

    @Test
    void theLimitIs1024Utf8Bytes() {
        String fits = "é".repeat(512);
        String tooLong = "é".repeat(512) + "x";
        assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(1024);

        assertThat(keyOf(event(fits, "t", "/s", "1"))).isEqualTo(fits);
        assertThat(ObjectKeys.keyFor(event(tooLong, "t", "/s", "1")))
                .isEqualTo(new KeyChoice.Unsafe("is 1025 bytes long; S3 keys have at most 1024"));
    }
}
