package io.triggermesh.aws.controller.validation;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.spi.Problem;
import java.util.List;

/**
 * An object read and checked against its kind.
 *
 * @param kind the plugin kind serving the object
 * @param spec the typed spec (without {@code auth}, which the controller handles), or {@code null} when unreadable
 * @param auth the parsed {@code spec.auth}, or {@code null} when unreadable
 * @param problems every problem, empty when the object can be acted on
 */
public record ValidatedObject(LoadedKind kind, Object spec, AwsAuth auth, List<Problem> problems) {

    public ValidatedObject {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty() && spec != null && auth != null;
    }
}
