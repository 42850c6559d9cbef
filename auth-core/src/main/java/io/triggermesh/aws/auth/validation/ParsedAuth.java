package io.triggermesh.aws.auth.validation;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.spi.Problem;
import java.util.List;

/**
 * The result of reading a {@code spec.auth} block.
 *
 * @param auth the model read from the block, as far as it could be read; {@code null} only when the block is
 *     missing or is not a JSON object. Fields with the wrong JSON type are left out (or empty), so use the model
 *     only when {@link #isValid()}.
 * @param problems every problem found, in document order; empty when the block is valid
 */
public record ParsedAuth(AwsAuth auth, List<Problem> problems) {

    public ParsedAuth {
        problems = List.copyOf(problems);
    }

    /** Whether the block is complete and valid, so {@link #auth()} can be acted on. */
    public boolean isValid() {
        return auth != null && problems.isEmpty();
    }
}
