package io.triggermesh.aws.adapter;

import java.util.Objects;

/**
 * The adapter's environment is missing a variable or holds an unusable value. The message names the variable and
 * says what is expected; it never contains the value of a credential variable.
 */
public final class AdapterConfigException extends IllegalArgumentException {

    private final String variable;

    public AdapterConfigException(String variable, String message) {
        super(variable + " " + message);
        this.variable = Objects.requireNonNull(variable, "variable");
    }

    /** The environment variable the problem is about. */
    public String variable() {
        return variable;
    }
}
