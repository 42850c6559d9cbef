package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_B;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_C;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.ROLE_B;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SHARED;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SOURCE_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.managed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules for when an object stops using a ServiceAccount. */
class ServiceAccountReleaseTest {

    private static final String ROLE = "eks.amazonaws.com/role-arn";

    @Test
    void releaseRemovesOnlyThisOwnersReferenceKeepingEverythingElse() {
        ServiceAccountState existing = managed(SHARED)
                .label("team", "payments")
                .annotation(ROLE, ROLE_B)
                .ownerReference(REF_B).ownerReference(REF_A).ownerReference(REF_C)
                .secret("b-token")
                .imagePullSecret("registry")
                .build();

        ReleasePlan plan = ServiceAccountPlanner.release(SOURCE_A, existing);

        assertThat(plan.action()).isEqualTo(ReleasePlan.Action.UPDATE);
        assertThat(plan.serviceAccountName()).isEqualTo(SHARED);
        assertThat(plan.desired()).contains(new ServiceAccountState(
                SHARED,
                Map.of("app.kubernetes.io/managed-by", "triggermesh-controller", "team", "payments"),
                Map.of(ROLE, ROLE_B),
                List.of(REF_B, REF_C),
                List.of("b-token"),
                List.of("registry")));
    }

    @Test
    void releaseOfLastOwnerDeletesManagedServiceAccount() {
        ServiceAccountState existing = managed(SHARED).annotation(ROLE, ROLE_B).ownerReference(REF_A).build();

        ReleasePlan plan = ServiceAccountPlanner.release(SOURCE_A, existing);

        assertThat(plan.action()).isEqualTo(ReleasePlan.Action.DELETE);
        assertThat(plan.desired()).isEmpty();
    }

    @Test
    void releaseNeverTouchesUnmanagedServiceAccount() {
        // Even with a reference to this object (someone copied it there), an unmanaged SA is not ours to change.
        ServiceAccountState existing = ServiceAccountState.builder(SHARED)
                .label("app.kubernetes.io/managed-by", "Helm")
                .ownerReference(REF_A)
                .build();

        ReleasePlan plan = ServiceAccountPlanner.release(SOURCE_A, existing);

        assertThat(plan.action()).isEqualTo(ReleasePlan.Action.NONE);
        assertThat(plan.desired()).isEmpty();
    }

    @Test
    void releaseByAnObjectThatIsNotAnOwnerChangesNothing() {
        ServiceAccountState ownerless = managed(SHARED).build();
        ServiceAccountState ownedByOthers = managed(SHARED).ownerReference(REF_B).build();

        assertThat(ServiceAccountPlanner.release(SOURCE_A, ownerless).action()).isEqualTo(ReleasePlan.Action.NONE);
        assertThat(ServiceAccountPlanner.release(SOURCE_A, ownedByOthers).action())
                .isEqualTo(ReleasePlan.Action.NONE);
    }

    @Test
    void releaseRecognisesLegacyManagedByLabel() {
        ServiceAccountState existing = ServiceAccountState.builder(SHARED)
                .label("managed-by", "triggermesh-controller")
                .ownerReference(REF_A)
                .build();

        assertThat(ServiceAccountPlanner.release(SOURCE_A, existing).action()).isEqualTo(ReleasePlan.Action.DELETE);
    }

    @Test
    void releaseAlsoDropsReferencesOfAnEarlierIncarnationOfTheObject() {
        OwnerRef deletedA = new OwnerRef("sources.triggermesh.io/v1alpha1", "AWSS3Source", "a", "old-uid", false, true);
        ServiceAccountState existing = managed(SHARED).ownerReference(deletedA).ownerReference(REF_B)
                .ownerReference(REF_A).build();

        ReleasePlan plan = ServiceAccountPlanner.release(SOURCE_A, existing);

        assertThat(plan.desired()).map(ServiceAccountState::ownerReferences).contains(List.of(REF_B));
    }
}
