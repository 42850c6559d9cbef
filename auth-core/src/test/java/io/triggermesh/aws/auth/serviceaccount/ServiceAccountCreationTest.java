package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SHARED;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SOURCE_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.Iam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules for a ServiceAccount that does not exist yet. */
class ServiceAccountCreationTest {

    private static final OwnerRef EXPECTED_REF =
            new OwnerRef("sources.triggermesh.io/v1alpha1", "AWSS3Source", "a", "uid-a", false, true);

    @Test
    void createdServiceAccountCarriesManagedLabelAndOwnerReference() {
        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.role(ROLE_A), Optional.empty());

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.CREATE);
        assertThat(plan.serviceAccountName()).isEqualTo("awss3source-i-a");
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.desired()).contains(new ServiceAccountState(
                "awss3source-i-a",
                Map.of("app.kubernetes.io/managed-by", "triggermesh-controller"),
                Map.of("eks.amazonaws.com/role-arn", ROLE_A),
                List.of(EXPECTED_REF),
                List.of(),
                List.of()));
    }

    @Test
    void explicitServiceAccountIsCreatedWhenItDoesNotExist() {
        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.empty());

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.CREATE);
        assertThat(plan.serviceAccountName()).isEqualTo(SHARED);
        assertThat(plan.desired()).contains(new ServiceAccountState(
                SHARED,
                Map.of("app.kubernetes.io/managed-by", "triggermesh-controller"),
                Map.of("eks.amazonaws.com/role-arn", ROLE_A),
                List.of(EXPECTED_REF),
                List.of(),
                List.of()));
    }

    @Test
    void missingRoleArnCreatesServiceAccountWithoutAnnotationAndWarns() {
        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(null, SHARED), Optional.empty());

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.CREATE);
        assertThat(plan.desired()).contains(new ServiceAccountState(
                SHARED,
                Map.of("app.kubernetes.io/managed-by", "triggermesh-controller"),
                Map.of(),
                List.of(EXPECTED_REF),
                List.of(),
                List.of()));
        assertThat(plan.warnings()).containsExactly(new Warning("NoRoleArn",
                "spec.auth.iam.roleArn of AWSS3Source/team-a/a is not set and ServiceAccount team-a/shared-sa has no"
                        + " eks.amazonaws.com/role-arn annotation: the adapter gets an AWS role only from an EKS Pod"
                        + " Identity association for this ServiceAccount (aws eks create-pod-identity-association"
                        + " --namespace team-a --service-account shared-sa --role-arn ROLE); for IRSA annotate the"
                        + " ServiceAccount with eks.amazonaws.com/role-arn or set spec.auth.iam.roleArn."));
    }

    @Test
    void blankRoleArnCountsAsMissing() {
        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(" ", SHARED), Optional.empty());

        assertThat(plan.desired()).hasValueSatisfying(state -> assertThat(state.annotations()).isEmpty());
        assertThat(plan.warnings()).extracting(Warning::reason).containsExactly(Warning.NO_ROLE_ARN);
    }
}
