package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_B;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_B;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SHARED;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SOURCE_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.Iam;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules for an existing ServiceAccount the controller does not manage: used, never changed. */
class UnmanagedServiceAccountTest {

    private static final String ROLE = "eks.amazonaws.com/role-arn";

    @Test
    void unmanagedServiceAccountIsNeverModifiedButStillUsed() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED)
                .label("team", "payments")
                .annotation(ROLE, ROLE_A)
                .secret("token")
                .build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.serviceAccountName()).isEqualTo(SHARED);
        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.desired()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void managedByLabelWithAnotherValueMeansUnmanaged() {
        ServiceAccountState helmOwned = ServiceAccountState.builder(SHARED)
                .label("app.kubernetes.io/managed-by", "Helm")
                .label("managed-by", "someone-else")
                .annotation(ROLE, ROLE_A)
                .ownerReference(REF_B)
                .build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(helmOwned));

        // A managed SA would have gained this object's owner reference; this one stays as it is.
        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.desired()).isEmpty();
        assertThat(plan.serviceAccountName()).isEqualTo(SHARED);
    }

    @Test
    void unmanagedServiceAccountWithAnotherRoleIsReported() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED).annotation(ROLE, ROLE_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.reason()).isEqualTo("UnmanagedServiceAccountRoleMismatch");
            assertThat(warning.message())
                    .startsWith("ServiceAccount team-a/shared-sa is not managed by TriggerMesh")
                    .contains("neither label app.kubernetes.io/managed-by nor managed-by is triggermesh-controller")
                    .contains("annotation is " + ROLE_B + " but spec.auth.iam.roleArn of AWSS3Source/team-a/a is "
                            + ROLE_A)
                    .contains("the adapter runs as role " + ROLE_B)
                    .contains("Annotate the ServiceAccount with eks.amazonaws.com/role-arn: " + ROLE_A);
        });
    }

    @Test
    void unmanagedServiceAccountWithoutRoleAnnotationIsReported() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.reason()).isEqualTo(Warning.UNMANAGED_SERVICE_ACCOUNT_ROLE_MISMATCH);
            assertThat(warning.message()).contains("annotation is not set")
                    .contains("runs without an IAM role, so authentication against AWS will fail");
        });
    }

    @Test
    void unmanagedServiceAccountWithoutAnnotationAndNoRoleArnWarnsNoRoleArn() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(null, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.warnings()).extracting(Warning::reason).containsExactly(Warning.NO_ROLE_ARN);
    }

    @Test
    void unmanagedServiceAccountRoleServesAnObjectWithoutRoleArn() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED).annotation(ROLE, ROLE_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(null, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.warnings()).isEmpty();
    }
}
