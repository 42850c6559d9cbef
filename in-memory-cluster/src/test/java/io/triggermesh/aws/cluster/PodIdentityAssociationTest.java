package io.triggermesh.aws.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.RoleArn;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodIdentityAssociationTest {

    @Test
    void acceptsExactlyTheRoleArnsTheApiAccepts() {
        List<String> roles = List.of("arn:aws:iam::123456789012:role/orders", "arn:aws-cn:iam::123456789012:role/a/b",
                "arn:aws-us-gov:iam::123456789012:role/r", "arn:aws-iso:iam::123456789012:role/r",
                "arn:awsx:iam::123456789012:role/r", "arn:aws:iam::123:role/o", "arn:aws:iam::123456789012:user/u");
        for (String role : roles) {
            boolean accepted;
            try {
                PodIdentityAssociation.parse("team/orders-sa=" + role);
                accepted = true;
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("is not an IAM role ARN");
                accepted = false;
            }
            assertThat(accepted).as(role).isEqualTo(RoleArn.isValid(role));
        }
    }

    @Test
    void namesFollowTheKubernetesNameRules() {
        assertThat(PodIdentityAssociation.parse("a/b.c=arn:aws:iam::123456789012:role/r").serviceAccount())
                .isEqualTo("b.c");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("a.b/sa=arn:aws:iam::123456789012:role/r"))
                .hasMessageContaining("is not a Kubernetes namespace name");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("-a/sa=arn:aws:iam::123456789012:role/r"))
                .hasMessageContaining("is not a Kubernetes namespace name");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("ns/" + "s".repeat(254)
                + "=arn:aws:iam::123456789012:role/r")).hasMessageContaining("is not a Kubernetes name");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("ns/Sa=arn:aws:iam::123456789012:role/r"))
                .hasMessageContaining("is not a Kubernetes name");
        // The same rule as every other ServiceAccount name: no empty or '-'-edged parts between dots.
        assertThatThrownBy(() -> PodIdentityAssociation.parse("ns/a..b=arn:aws:iam::123456789012:role/r"))
                .hasMessageContaining("is not a Kubernetes name");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("ns/a-.b=arn:aws:iam::123456789012:role/r"))
                .hasMessageContaining("is not a Kubernetes name");
    }
}
