package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.triggermesh.aws.controller.plugins.LoadedKind;

/** How the fabric8 client addresses a plugin's kind without compiled model classes. */
public final class Kinds {

    private Kinds() {
    }

    public static ResourceDefinitionContext context(LoadedKind kind) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(kind.descriptor().group())
                .withVersion(kind.descriptor().version())
                .withKind(kind.descriptor().kind())
                .withPlural(kind.descriptor().plural())
                .withNamespaced(true)
                .build();
    }
}
