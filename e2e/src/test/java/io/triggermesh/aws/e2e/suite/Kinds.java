package io.triggermesh.aws.e2e.suite;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;

/** The connector kinds the suite creates, with what the API needs to address them. */
final class Kinds {

    static final String SOURCES = "sources.triggermesh.io";
    static final String TARGETS = "targets.triggermesh.io";

    private static final Map<String, String> GROUPS = Map.of(
            "AWSS3Source", SOURCES, "AWSSQSSource", SOURCES, "AWSS3Target", TARGETS, "AWSSQSTarget", TARGETS);

    private Kinds() {
    }

    static Optional<ResourceDefinitionContext> context(String kind) {
        return Optional.ofNullable(GROUPS.get(kind)).map(group -> new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion("v1alpha1").withKind(kind)
                .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s").withNamespaced(true).build());
    }

    /** The adapter Deployment's key, {@code namespace/<lowercase kind>-<name>}. */
    static String deployment(String namespace, String kind, String name) {
        return namespace + "/" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + name;
    }
}
