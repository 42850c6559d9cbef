package io.triggermesh.aws.controller.validation;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Sink;
import java.util.List;

/**
 * An object read and checked against its kind.
 *
 * @param kind the plugin kind serving the object
 * @param spec the kind's own part of the spec (without the shared {@code auth}, {@code sink} and
 *     {@code adapterOverrides}, which the controller handles), or {@code null} when unreadable
 * @param auth the parsed {@code spec.auth}, or {@code null} when unreadable
 * @param sink {@code spec.sink} of a source, or {@code null} when absent, unreadable or a target
 * @param overrides {@code spec.adapterOverrides}, or {@code null} when absent or unreadable
 * @param problems every problem, empty when the object can be acted on
 */
public record ValidatedObject(LoadedKind kind, Object spec, AwsAuth auth, Sink sink, AdapterOverrides overrides,
                              List<Problem> problems) {

    public ValidatedObject {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty() && spec != null && auth != null;
    }
}
