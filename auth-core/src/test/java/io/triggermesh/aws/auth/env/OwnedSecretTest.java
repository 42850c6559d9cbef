package io.triggermesh.aws.auth.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.Dns1123;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnedSecretTest {

    private static OwnerObject s3Source(String name) {
        return new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source", "default", name, "uid");
    }

    private static void assertValidName(String name) {
        assertThat(name).hasSizeLessThanOrEqualTo(OwnedSecret.MAX_NAME_LENGTH)
                .matches(Dns1123.SUBDOMAIN)
                .endsWith("-aws-credentials");
    }

    @Test
    void nameIsLowercaseKindThenObjectName() {
        assertThat(OwnedSecret.nameFor(s3Source("my-bucket.events")))
                .isEqualTo("awss3source-my-bucket.events-aws-credentials");
    }

    @Test
    void longNamesAreTruncatedWithAHashAndStayValid() {
        String longName = "a".repeat(240) + ".b" + "c".repeat(11);

        String name = OwnedSecret.nameFor(s3Source(longName));

        assertValidName(name);
        assertThat(name).startsWith("awss3source-aaaa").hasSize(OwnedSecret.MAX_NAME_LENGTH);
        assertThat(OwnedSecret.nameFor(s3Source(longName))).as("stable across calls").isEqualTo(name);
    }

    @Test
    void objectsSharingALongPrefixGetDifferentSecrets() {
        String prefix = "x".repeat(250);

        assertThat(OwnedSecret.nameFor(s3Source(prefix + "1")))
                .isNotEqualTo(OwnedSecret.nameFor(s3Source(prefix + "2")));
    }

    @Test
    void truncationNeverLeavesAnInvalidLabel() {
        // Cutting at every possible position of dots and dashes must still give a valid name.
        String tricky = "a.-b..c-.d";
        for (int pad = 200; pad < 240; pad++) {
            assertValidName(OwnedSecret.nameFor(s3Source("z".repeat(pad) + "." + tricky.repeat(3))));
        }
    }

    @Test
    void toStringListsKeysButNotValues() {
        OwnedSecret secret = new OwnedSecret("s", Map.of("AWS_SECRET_ACCESS_KEY", "canary-value"));

        assertThat(secret.toString()).contains("AWS_SECRET_ACCESS_KEY").doesNotContain("canary-value");
    }

    @Test
    void dataIsSortedAndImmutable() {
        OwnedSecret secret = new OwnedSecret("s", Map.of("B", "2", "A", "1", "C", "3"));

        assertThat(secret.data().keySet()).containsExactly("A", "B", "C");
        assertThatThrownBy(() -> secret.data().put("D", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidNamesAndEmptyDataAreRefused() {
        assertThatThrownBy(() -> new OwnedSecret("Not_Valid", Map.of("A", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OwnedSecret("ok", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
