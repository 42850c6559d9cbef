package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.Fixtures.OLD_ROLE;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_B;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_C;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_B;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SHARED;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SOURCE_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.managed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.Iam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules for an existing ServiceAccount labelled as managed by the controller. */
class ManagedServiceAccountTest {

    private static final String ROLE = "eks.amazonaws.com/role-arn";

    @Test
    void existingManagedServiceAccountGetsOwnerMergedKeepingOthersSecrets() {
        ServiceAccountState existing = managed(SHARED)
                .label("team", "payments")
                .annotation("note", "kept")
                .annotation(ROLE, ROLE_A)
                .ownerReference(REF_B)
                .secret("b-token")
                .imagePullSecret("registry")
                .build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.UPDATE);
        assertThat(plan.serviceAccountName()).isEqualTo(SHARED);
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.desired()).contains(new ServiceAccountState(
                SHARED,
                Map.of("app.kubernetes.io/managed-by", "triggermesh-controller", "team", "payments"),
                Map.of("note", "kept", ROLE, ROLE_A),
                List.of(REF_B, REF_A),
                List.of("b-token"),
                List.of("registry")));
    }

    @Test
    void legacyManagedByLabelIsAlsoRecognised() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED)
                .label("managed-by", "triggermesh-controller")
                .build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.UPDATE);
        assertThat(plan.desired()).contains(new ServiceAccountState(
                SHARED,
                Map.of("managed-by", "triggermesh-controller"),
                Map.of(ROLE, ROLE_A),
                List.of(REF_A),
                List.of(),
                List.of()));
    }

    @Test
    void mergeOrderIsDeterministicAndIdempotent() {
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_A).ownerReference(REF_C)
                .ownerReference(REF_B).build();
        Iam iam = Iam.of(ROLE_A, SHARED);

        ServiceAccountPlan first = ServiceAccountPlanner.plan(SOURCE_A, iam, Optional.of(existing));
        ServiceAccountPlan again = ServiceAccountPlanner.plan(SOURCE_A, iam, Optional.of(existing));
        ServiceAccountState applied = first.desired().orElseThrow();
        ServiceAccountPlan afterApply = ServiceAccountPlanner.plan(SOURCE_A, iam, Optional.of(applied));

        assertThat(applied.ownerReferences()).containsExactly(REF_C, REF_B, REF_A);
        assertThat(again).isEqualTo(first);
        assertThat(afterApply.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(afterApply.desired()).isEmpty();
        assertThat(afterApply.serviceAccountName()).isEqualTo(SHARED);
    }

    @Test
    void unchangedManagedServiceAccountIsNotRewritten() {
        // This object is already first of two owners: nothing moves, nothing is rewritten.
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_A).ownerReference(REF_A)
                .ownerReference(REF_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.desired()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void ownerWithSameUidIsMergedInPlaceNeverDuplicated() {
        OwnerRef olderFormOfA = new OwnerRef("sources.triggermesh.io/v1beta0", "AWSS3Source", "a", "uid-a", false, false);
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_A).ownerReference(REF_B)
                .ownerReference(olderFormOfA).ownerReference(REF_C).ownerReference(REF_A).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.UPDATE);
        assertThat(plan.desired()).map(ServiceAccountState::ownerReferences)
                .contains(List.of(REF_B, REF_A, REF_C));
    }

    @Test
    void recreatedOwnerWithSameNameReplacesItsStaleReference() {
        // Same kind and name in the SA's namespace but another uid: the earlier, deleted incarnation of "a".
        OwnerRef deletedA = new OwnerRef("sources.triggermesh.io/v1alpha1", "AWSS3Source", "a", "old-uid", false, true);
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, OLD_ROLE).ownerReference(deletedA).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        // Still a single owner, so the annotation is ours to write.
        assertThat(plan.desired()).contains(managed(SHARED).annotation(ROLE, ROLE_A).ownerReference(REF_A).build());
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void roleAnnotationWrittenOnlyForManagedSingleOwner() {
        Iam iam = Iam.of(ROLE_A, SHARED);
        ServiceAccountState managedAlone = managed(SHARED).annotation(ROLE, OLD_ROLE).ownerReference(REF_A).build();
        ServiceAccountState managedShared = managed(SHARED).annotation(ROLE, OLD_ROLE).ownerReference(REF_B).build();
        ServiceAccountState unmanaged = ServiceAccountState.builder(SHARED).annotation(ROLE, OLD_ROLE).build();

        ServiceAccountPlan alone = ServiceAccountPlanner.plan(SOURCE_A, iam, Optional.of(managedAlone));
        ServiceAccountPlan shared = ServiceAccountPlanner.plan(SOURCE_A, iam, Optional.of(managedShared));
        ServiceAccountPlan notManaged = ServiceAccountPlanner.plan(SOURCE_A, iam, Optional.of(unmanaged));

        assertThat(alone.action()).isEqualTo(ServiceAccountPlan.Action.UPDATE);
        assertThat(alone.desired()).contains(managed(SHARED).annotation(ROLE, ROLE_A).ownerReference(REF_A).build());
        assertThat(shared.desired()).hasValueSatisfying(
                state -> assertThat(state.annotations()).containsEntry(ROLE, OLD_ROLE));
        assertThat(notManaged.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
    }

    @Test
    void roleAnnotationKeptWhenTwoOwners() {
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_B).ownerReference(REF_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.UPDATE);
        assertThat(plan.desired()).contains(
                managed(SHARED).annotation(ROLE, ROLE_B).ownerReference(REF_B).ownerReference(REF_A).build());
    }

    @Test
    void conflictingRoleArnWithCoOwnerIsReportedNotIgnored() {
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_B).ownerReference(REF_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.reason()).isEqualTo("RoleArnConflict");
            assertThat(warning.message())
                    .contains("ServiceAccount team-a/shared-sa is shared by 2 objects (AWSSQSTarget/b, AWSS3Source/a)")
                    .contains("eks.amazonaws.com/role-arn annotation, which is " + ROLE_B)
                    .contains("spec.auth.iam.roleArn " + ROLE_A + " of AWSS3Source/team-a/a is not applied")
                    .contains("the adapter runs as role " + ROLE_B)
                    .contains("Set the same spec.auth.iam.roleArn on every object sharing the ServiceAccount")
                    .contains("its own spec.auth.iam.serviceAccount");
        });
    }

    @Test
    void roleArnOnSharedServiceAccountWithoutAnnotationIsReportedAsConflict() {
        ServiceAccountState existing = managed(SHARED).ownerReference(REF_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(existing));

        assertThat(plan.desired()).hasValueSatisfying(state -> assertThat(state.annotations()).doesNotContainKey(ROLE));
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.reason()).isEqualTo(Warning.ROLE_ARN_CONFLICT);
            assertThat(warning.message()).contains("which is not set")
                    .contains("runs without an IAM role, so authentication against AWS will fail");
        });
    }

    @Test
    void staleRoleAnnotationIsRemovedWhenSingleOwnerDropsRoleArn() {
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, OLD_ROLE).annotation("note", "kept")
                .ownerReference(REF_A).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(null, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.UPDATE);
        assertThat(plan.desired()).contains(managed(SHARED).annotation("note", "kept").ownerReference(REF_A).build());
        assertThat(plan.warnings()).extracting(Warning::reason).containsExactly(Warning.NO_ROLE_ARN);
    }

    @Test
    void sharedServiceAccountRoleServesAnObjectWithoutRoleArn() {
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_B).ownerReference(REF_B).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(null, SHARED), Optional.of(existing));

        assertThat(plan.desired()).contains(
                managed(SHARED).annotation(ROLE, ROLE_B).ownerReference(REF_B).ownerReference(REF_A).build());
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void noRoleArnOnSharedServiceAccountWithoutAnnotationWarns() {
        ServiceAccountState existing = managed(SHARED).ownerReference(REF_B).ownerReference(REF_A).build();

        ServiceAccountPlan plan = ServiceAccountPlanner.plan(SOURCE_A, Iam.of(null, SHARED), Optional.of(existing));

        assertThat(plan.action()).isEqualTo(ServiceAccountPlan.Action.NONE);
        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.reason()).isEqualTo("NoRoleArn");
            assertThat(warning.message()).contains("ServiceAccount team-a/shared-sa has no eks.amazonaws.com/role-arn");
        });
    }

    @Test
    void existingServiceAccountWithAnotherNameIsRejected() {
        ServiceAccountState other = managed("someone-else").build();

        assertThatThrownBy(() -> ServiceAccountPlanner.plan(SOURCE_A, Iam.of(ROLE_A, SHARED), Optional.of(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("someone-else")
                .hasMessageContaining(SHARED);
    }
}
