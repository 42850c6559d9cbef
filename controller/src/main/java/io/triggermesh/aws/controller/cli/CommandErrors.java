package io.triggermesh.aws.controller.cli;

import io.triggermesh.aws.spi.api.Shown;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How a command ends when it cannot do its work: one {@code error: …} line on stderr and a distinct exit code
 * ({@link ExitCodes}), never a stack trace for a user's mistake. The trace of an unexpected failure is printed with
 * {@code --debug} and logged at DEBUG. A picocli mixin, so that each command takes {@code --debug}.
 */
public final class CommandErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CommandErrors.class);

    @Option(names = "--debug", description = "On an unexpected failure, print the stack trace too.")
    boolean debug;

    /** Runs {@code body}, turning what it throws into an {@code error:} line and an exit code. */
    public int run(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (InputException e) {
            err.println("error: " + Shown.escaped(e.getMessage()));
            trace(err, e);
            return ExitCodes.UNREADABLE_INPUT;
        } catch (Exception e) {
            err.println("error: " + spec.name() + " failed: " + Shown.escaped(describe(e))
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            trace(err, e);
            return ExitCodes.FAILED;
        } finally {
            err.flush();
        }
    }

    private void trace(PrintWriter err, Exception e) {
        if (debug) {
            e.printStackTrace(err);
        }
        LOG.debug("{} ended with an error", getClass().getSimpleName(), e);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
