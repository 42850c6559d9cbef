package io.triggermesh.aws.s3.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueNamesTest {

    private static final String MAX_NAMESPACE = "n".repeat(63);
    private static final String MAX_NAME = "a".repeat(253);

    @Test
    void shortNamesAreReadable() {
        assertThat(QueueNames.forSource("default", "uploads")).isEqualTo("triggermesh-s3_default_uploads");
    }

    @Test
    void sameSourceAlwaysGetsTheSameName() {
        assertThat(QueueNames.forSource("media", MAX_NAME)).isEqualTo(QueueNames.forSource("media", MAX_NAME));
        assertThat(QueueNames.forSource("media", "a.b")).isEqualTo(QueueNames.forSource("media", "a.b"));
    }

    @Test
    void namesAreValidSqsQueueNamesEvenForTheLongestObjects() {
        for (String name : List.of(QueueNames.forSource(MAX_NAMESPACE, MAX_NAME),
                QueueNames.forSource(MAX_NAMESPACE, "x"), QueueNames.forSource("ns", "with.dots.in.it"),
                QueueNames.forSource("ns", "a".repeat(61)), QueueNames.forSource("ns", "a".repeat(62)))) {
            assertThat(name).hasSizeLessThanOrEqualTo(QueueNames.MAX_LENGTH).matches("[A-Za-z0-9_-]+")
                    .startsWith(QueueNames.PREFIX);
        }
    }

    @Test
    void longNamesAreShortenedWithAHash() {
        String name = QueueNames.forSource(MAX_NAMESPACE, MAX_NAME);
        assertThat(name).hasSize(QueueNames.MAX_LENGTH).matches(".*__[0-9a-f]{16}");
    }

    @Test
    void namesThatFitExactlyStayPlain() {
        String name = "a".repeat(QueueNames.MAX_LENGTH - QueueNames.PREFIX.length() - "ns_".length());
        assertThat(QueueNames.forSource("ns", name)).isEqualTo(QueueNames.PREFIX + "ns_" + name);
        assertThat(QueueNames.forSource("ns", name + "a")).contains("__");
    }

    @Test
    void sourcesNeverShareAQueue() {
        // Pairs that a naive "namespace-name" or "replace dots" scheme would map to the same queue.
        List<String[]> sources = List.of(
                new String[] {"a-b", "c"}, new String[] {"a", "b-c"},
                new String[] {"ns", "a.b"}, new String[] {"ns", "a-b"},
                new String[] {MAX_NAMESPACE, MAX_NAME}, new String[] {MAX_NAMESPACE, MAX_NAME + "b"},
                new String[] {MAX_NAMESPACE, "b" + MAX_NAME},
                new String[] {"ns", "x".repeat(100)}, new String[] {"ns", "x".repeat(101)});
        Set<String> names = new HashSet<>();
        for (String[] source : sources) {
            assertThat(names.add(QueueNames.forSource(source[0], source[1])))
                    .as("queue of %s/%s is unique", source[0], source[1]).isTrue();
        }
    }

    @Test
    void twoSourcesOnTheSameBucketGetDifferentQueues() {
        assertThat(QueueNames.forSource("default", "first")).isNotEqualTo(QueueNames.forSource("default", "second"));
        assertThat(QueueNames.forSource("team-a", "uploads")).isNotEqualTo(QueueNames.forSource("team-b", "uploads"));
    }
}
