package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.SharedSpecFields;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.Sink;

/**
 * The typed form of the {@code spec} fields every kind shares ({@link SharedSpecFields}), one record per role. The
 * CRD generator builds their schemas from these records and the controller reads them into these types; plugins
 * never declare them. It lives here, not in the SPI, because {@code auth} is auth-core's model.
 */
public final class SharedSpec {

    /** {@code spec.auth} means the same for both roles. */
    private static final String AUTH_DESCRIPTION =
            "Authentication to AWS: access keys or an IAM role for the adapter's ServiceAccount.";

    private SharedSpec() {
    }

    /** The record of the shared fields of a kind with this role. */
    public static Class<?> typeOf(Role role) {
        return role == Role.SOURCE ? Source.class : Target.class;
    }

    /**
     * The shared fields of a source.
     *
     * @param auth how to authenticate to AWS
     * @param sink where the CloudEvents go
     * @param adapterOverrides adjustments to the adapter workload
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(
            @JsonPropertyDescription(AUTH_DESCRIPTION)
            @FieldSchema(required = true)
            AwsAuth auth,
            @JsonPropertyDescription("Where the CloudEvents are sent: a reference to an Addressable object or a URI.")
            @FieldSchema(required = true)
            Sink sink,
            @JsonPropertyDescription("Adjustments to the adapter's Deployment.")
            AdapterOverrides adapterOverrides) {
    }

    /**
     * The shared fields of a target. Alike in shape to {@link Source}; kept a record of its own because the CRD
     * generator builds each role's schema from its record, and a target has no {@code sink} and describes
     * {@code adapterOverrides} with a target's example.
     *
     * @param auth how to authenticate to AWS
     * @param adapterOverrides adjustments to the adapter workload
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(
            @JsonPropertyDescription(AUTH_DESCRIPTION)
            @FieldSchema(required = true)
            AwsAuth auth,
            @JsonPropertyDescription("Adjustments to the adapter's Deployment, for example public: true.")
            AdapterOverrides adapterOverrides) {
    }
}
