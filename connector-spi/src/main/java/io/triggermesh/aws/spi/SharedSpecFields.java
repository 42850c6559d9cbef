package io.triggermesh.aws.spi;

import java.util.List;

/**
 * The fields of {@code spec} that every kind has and the controller owns: {@code auth} (every kind), {@code sink}
 * (sources) and {@code adapterOverrides} (every kind). The controller reads and validates them for every object, the
 * CRD generator adds their schemas to every kind's CRD, and the controller removes them from {@code spec} before it
 * binds the rest to the kind's {@link KindDescriptor#specType()}. A spec type therefore declares only the kind's own
 * fields and must not declare these (the contract test kit and the CRD generator refuse it), so no plugin can forget
 * a check or let a field through unchecked.
 */
public final class SharedSpecFields {

    /** {@code spec.auth}: how the object authenticates to AWS (every kind, required). */
    public static final String AUTH = "auth";
    /** {@code spec.sink}: where a source sends its CloudEvents (sources only, required). */
    public static final String SINK = "sink";
    /** {@code spec.adapterOverrides}: adjustments to the adapter's Deployment (every kind, optional). */
    public static final String ADAPTER_OVERRIDES = "adapterOverrides";

    /** Every shared field name, whatever the role. */
    public static final List<String> ALL = List.of(AUTH, SINK, ADAPTER_OVERRIDES);

    /** The JSON paths of {@code spec.auth} that may hold a secret value (literal keys), redacted for every kind. */
    public static final List<String> SENSITIVE_PATHS = List.of("spec.auth.credentials.*.value");

    private SharedSpecFields() {
    }

    /** The shared fields of a kind with this role, in the order the CRD lists them after the kind's own. */
    public static List<String> of(Role role) {
        return role == Role.SOURCE ? ALL : List.of(AUTH, ADAPTER_OVERRIDES);
    }
}
