package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.Fixtures.REF_A;
import static io.triggermesh.aws.auth.serviceaccount.Fixtures.SOURCE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAccountStateTest {

    @Test
    void stateIsAnImmutableCopyOfItsInputs() {
        Map<String, String> labels = new HashMap<>(Map.of("z", "1", "a", "2"));
        List<String> secrets = new ArrayList<>(List.of("s"));
        ServiceAccountState state = new ServiceAccountState("sa", labels, null, null, secrets, null);

        labels.put("later", "x");
        secrets.add("later");

        assertThat(state.labels()).containsOnlyKeys("a", "z");
        assertThat(state.labels().keySet()).containsExactly("a", "z");
        assertThat(state.secrets()).containsExactly("s");
        assertThat(state.annotations()).isEmpty();
        assertThat(state.ownerReferences()).isEmpty();
        assertThatThrownBy(() -> state.labels().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.secrets().add("k")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        ServiceAccountState state = ServiceAccountState.builder("sa").label("l", "1").annotation("a", "2")
                .ownerReference(REF_A).secret("s").imagePullSecret("p").build();

        assertThat(state.toBuilder().build()).isEqualTo(state);
    }

    @Test
    void ownerReferenceOfAnObjectIsNotControllerButBlocksOwnerDeletion() {
        assertThat(OwnerRef.of(SOURCE_A)).isEqualTo(
                new OwnerRef("sources.triggermesh.io/v1alpha1", "AWSS3Source", "a", "uid-a", false, true));
    }
}
