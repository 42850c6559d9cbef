package io.triggermesh.aws.controller.cli;

/**
 * Input a command cannot read: a missing file, a YAML syntax error, a file over the size limit. Its message is one
 * line that names the file and says what to do; the command prints it as {@code error: …} and exits with
 * {@link ExitCodes#UNREADABLE_INPUT}, without a stack trace.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
