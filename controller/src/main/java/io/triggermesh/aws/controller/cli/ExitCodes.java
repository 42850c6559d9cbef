package io.triggermesh.aws.controller.cli;

/**
 * The exit codes of the offline commands, so that a script can tell "the manifests have problems" from "the
 * manifests could not be read". Listed in every command's {@code --help} and in docs/architecture.md.
 */
public final class ExitCodes {

    /** The input is valid (or the command did what was asked). */
    public static final int OK = 0;
    /** The input was read and has problems, each printed with its path. */
    public static final int PROBLEMS = 1;
    /** The input could not be read (missing file, YAML syntax error, file too large), or a usage error. */
    public static final int UNREADABLE_INPUT = 2;
    /** Something else failed: the environment (a port, AWS) or a bug; {@code --debug} shows the stack trace. */
    public static final int FAILED = 3;

    /** Picocli's {@code exitCodeList} for {@code --help}. */
    public static final String HEADING = "%nExit codes:%n";
    public static final String CODE_0 = "0:valid (nothing wrong)";
    public static final String CODE_1 = "1:problems found in the objects, each printed with its field path";
    public static final String CODE_2 = "2:unreadable input (missing file, YAML syntax error, file too large) or usage error";
    public static final String CODE_3 = "3:failed otherwise (environment or bug); --debug prints the stack trace";

    private ExitCodes() {
    }
}
