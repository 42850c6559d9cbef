package io.triggermesh.aws.s3.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ObjectContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOwnerTest {

    private static SourceOwner owner(String namespace, String name, String uid) {
        return SourceOwner.of(new ObjectContext<>("AWSS3Source", namespace, name, uid, 1, "spec", Map.of()));
    }

    @Test
    void notificationIdNamesTheSourceAndItsUid() {
        assertThat(owner("team-a", "uploads", "0f6e-uid").notificationId())
                .isEqualTo("triggermesh-s3_team-a_uploads_0f6e-uid");
    }

    @Test
    void notificationIdIsDeterministicAndDiffersPerObject() {
        assertThat(owner("ns", "a", "u1").notificationId()).isEqualTo(owner("ns", "a", "u1").notificationId())
                .isNotEqualTo(owner("ns", "a", "u2").notificationId())
                .isNotEqualTo(owner("ns", "b", "u1").notificationId());
    }

    @Test
    void longNotificationIdsAreShortenedWithAHashOfTheWhole() {
        String name = "n".repeat(253);
        String first = owner("ns", name, "uid-1").notificationId();
        String second = owner("ns", name, "uid-2").notificationId();

        assertThat(first).hasSizeLessThanOrEqualTo(200).startsWith("triggermesh-s3_ns_nnn").matches(".*__[0-9a-f]{16}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void ownershipIsDecidedByTheUidTag() {
        SourceOwner owner = owner("ns", "a", "uid-1");

        assertThat(owner.owns(owner.tags())).isTrue();
        assertThat(owner.owns(Map.of(SourceOwner.OWNER_TAG, "AWSS3Source/ns/a", SourceOwner.OWNER_UID_TAG, "uid-2")))
                .as("same namespace and name in another cluster").isFalse();
        assertThat(owner.owns(Map.of())).as("an untagged queue").isFalse();
    }

    @Test
    void tagsNameTheObjectAndItsUid() {
        assertThat(owner("ns", "a", "uid-1").tags()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "triggermesh.io/owner", "AWSS3Source/ns/a", "triggermesh.io/owner-uid", "uid-1"));
    }

    @Test
    void objectWithoutUidCannotOwnResources() {
        assertThatThrownBy(() -> owner("ns", "a", null)).isInstanceOf(AwsResourceException.class)
                .hasMessageContaining("metadata.uid")
                .satisfies(e -> assertThat(((AwsResourceException) e).kind())
                        .isEqualTo(AwsResourceException.Kind.PERMANENT));
    }
}
