package io.triggermesh.aws.crds;

/** A spec type the generator cannot describe as a structural schema; the message names the field and the fix. */
public final class SchemaException extends RuntimeException {

    public SchemaException(String message) {
        super(message);
    }
}
