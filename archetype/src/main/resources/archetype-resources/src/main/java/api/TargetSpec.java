package ${package}.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;

/**
 * {@code spec} of a ${kind}: the kind's own fields only. spec.auth and spec.adapterOverrides belong to the controller,
 * which reads and checks them for every kind and adds their schemas to the CRD.
 *
 * @param arn the SNS topic every CloudEvent is published to
 */
@JsonClassDescription("every CloudEvent it receives is published to an SNS topic.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetSpec(
        @JsonPropertyDescription("ARN of the SNS topic, for example arn:aws:sns:eu-west-1:123456789012:orders.")
        @FieldSchema(required = true, pattern = "^arn:")
        String arn) {
}
