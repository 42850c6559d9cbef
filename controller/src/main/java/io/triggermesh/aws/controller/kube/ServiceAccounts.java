package io.triggermesh.aws.controller.kube;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.triggermesh.aws.auth.serviceaccount.OwnerRef;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps fabric8 ServiceAccounts to auth-core's plain view and applies a desired view back onto them. */
public final class ServiceAccounts {

    private ServiceAccounts() {
    }

    public static ServiceAccountState state(ServiceAccount sa) {
        return ServiceAccountState.builder(sa.getMetadata().getName())
                .labels(orEmpty(sa.getMetadata().getLabels()))
                .annotations(orEmpty(sa.getMetadata().getAnnotations()))
                .ownerReferences(sa.getMetadata().getOwnerReferences() == null ? List.of()
                        : sa.getMetadata().getOwnerReferences().stream().map(ServiceAccounts::ownerRef).toList())
                .secrets(sa.getSecrets() == null ? List.of()
                        : sa.getSecrets().stream().map(ObjectReference::getName).toList())
                .imagePullSecrets(sa.getImagePullSecrets() == null ? List.of()
                        : sa.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList())
                .build();
    }

    /** A new ServiceAccount in {@code namespace} from the desired view. */
    public static ServiceAccount create(String namespace, ServiceAccountState desired) {
        return applyTo(new ServiceAccountBuilder().withNewMetadata().withNamespace(namespace).endMetadata().build(),
                desired);
    }

    /**
     * {@code existing} with the fields the plan owns (labels, annotations, ownerReferences) set from {@code desired};
     * every other field (automountServiceAccountToken, secrets, finalizers...) is kept as read.
     */
    public static ServiceAccount applyTo(ServiceAccount existing, ServiceAccountState desired) {
        return new ServiceAccountBuilder(existing)
                .editMetadata()
                    .withName(desired.name())
                    .withLabels(new TreeMap<>(desired.labels()))
                    .withAnnotations(desired.annotations().isEmpty() ? null : new TreeMap<>(desired.annotations()))
                    .withOwnerReferences(desired.ownerReferences().stream().map(ServiceAccounts::ownerReference)
                            .toList())
                .endMetadata()
                .build();
    }

    private static OwnerRef ownerRef(OwnerReference ref) {
        return new OwnerRef(ref.getApiVersion(), ref.getKind(), ref.getName(), ref.getUid(),
                Boolean.TRUE.equals(ref.getController()), Boolean.TRUE.equals(ref.getBlockOwnerDeletion()));
    }

    private static OwnerReference ownerReference(OwnerRef ref) {
        return new OwnerReferenceBuilder().withApiVersion(ref.apiVersion()).withKind(ref.kind())
                .withName(ref.name()).withUid(ref.uid()).withController(ref.controller())
                .withBlockOwnerDeletion(ref.blockOwnerDeletion()).build();
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
