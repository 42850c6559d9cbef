package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.Fixtures.NAMESPACE;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SOURCE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceAccountNamesTest {

    @Test
    void defaultNameIsLowercaseKindDashIDashName() {
        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.role(ROLE_A), Optional.empty());

        assertThat(plan.serviceAccountName()).isEqualTo("awss3source-i-a");
        assertThat(plan.desired()).map(ServiceAccountState::name).contains("awss3source-i-a");
    }

    @Test
    void explicitServiceAccountNameIsUsedAsWritten() {
        // A valid ServiceAccount name longer than a label, with dots: it names an SA the user expects, so no cut.
        String explicit = "team.shared-" + "x".repeat(100);

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, explicit), Optional.empty());

        assertThat(plan.serviceAccountName()).isEqualTo(explicit);
        assertThat(plan.desired()).map(ServiceAccountState::name).contains(explicit);
    }

    @Test
    void blankServiceAccountFallsBackToTheDefaultName() {
        assertThat(ServiceAccountNames.serviceAccountName(SOURCE_A, Iam.of(ROLE_A, "  ")))
                .isEqualTo("awss3source-i-a");
    }

    @Test
    void invalidExplicitServiceAccountNameIsRejected() {
        assertThatThrownBy(() -> ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, "Not_Valid"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.auth.iam.serviceAccount")
                .hasMessageContaining("AWSS3Source/team-a/a")
                .hasMessageContaining("Not_Valid");
    }

    @Test
    void longNamesAreTruncatedDeterministicallyWithinSixtyThreeChars() {
        String longName = "a-very-long-source-name-that-goes-on-and-on-well-past-the-label-limit";
        OwnerObject owner = owner(longName);
        OwnerObject sibling = owner(longName + "-2");
        String full = "awss3source-i-" + longName;

        String name = ServiceAccountNames.defaultName(owner);

        assertThat(name).hasSize(63);
        assertThat(ServiceAccountNames.isValidLabel(name)).isTrue();
        assertThat(name).isEqualTo(full.substring(0, 54) + "-" + sha256Prefix(full));
        assertThat(ServiceAccountNames.defaultName(owner(longName))).isEqualTo(name);
        assertThat(ServiceAccountNames.defaultName(sibling)).isNotEqualTo(name).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void nameOfExactlySixtyThreeCharsIsKeptAsIs() {
        String objectName = "n".repeat(63 - "awss3source-i-".length());

        assertThat(ServiceAccountNames.defaultName(owner(objectName))).isEqualTo("awss3source-i-" + objectName);
    }

    @Test
    void defaultNameIsAValidDns1123LabelEvenForDottedObjectNames() {
        String name = ServiceAccountNames.defaultName(owner("my.source"));
        String other = ServiceAccountNames.defaultName(owner("my-source"));

        assertThat(name).isEqualTo("awss3source-i-my-source-" + sha256Prefix("awss3source-i-my.source"));
        assertThat(ServiceAccountNames.isValidLabel(name)).isTrue();
        assertThat(other).isEqualTo("awss3source-i-my-source").isNotEqualTo(name);
    }

    @Test
    void truncationNeverLeavesADashBeforeTheHash() {
        // The cut falls right after a dash; a label must not contain "--<hash>" from a dangling one either way.
        String objectName = "x".repeat(39) + "-" + "y".repeat(30);

        String name = ServiceAccountNames.defaultName(owner(objectName));

        assertThat(name).doesNotContain("--").matches("awss3source-i-x{39}-[0-9a-f]{8}");
        assertThat(ServiceAccountNames.isValidLabel(name)).isTrue();
    }

    private static OwnerObject owner(String name) {
        return new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source", NAMESPACE, name, "uid-" + name);
    }

    private static String sha256Prefix(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
