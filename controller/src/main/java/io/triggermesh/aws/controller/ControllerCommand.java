package io.triggermesh.aws.controller;

import io.micronaut.configuration.picocli.PicocliRunner;
import io.triggermesh.aws.controller.cli.LocalCommand;
import io.triggermesh.aws.controller.cli.PolicyCommand;
import io.triggermesh.aws.controller.cli.RenderCommand;
import io.triggermesh.aws.controller.cli.RunCommand;
import io.triggermesh.aws.controller.cli.ValidateCommand;
import picocli.CommandLine.Command;

/** {@code java -jar controller.jar <command>}: the controller and its offline tools in one jar. */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = "triggermesh-aws controller and tools.",
        subcommands = {RunCommand.class, LocalCommand.class, ValidateCommand.class, PolicyCommand.class,
            RenderCommand.class})
public class ControllerCommand implements Runnable {

    /** The controller logs with logback; the JUL provider in the same jar is for the adapters local mode starts. */
    public static final String LOGBACK_PROVIDER = "ch.qos.logback.classic.spi.LogbackServiceProvider";
    /** SLF4J's own reporting level (its lines start with {@code SLF4J(I)}, {@code SLF4J(W)}). */
    public static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", LOGBACK_PROVIDER);
        }
        quietSlf4j();
        System.exit(PicocliRunner.execute(ControllerCommand.class, args));
    }

    /**
     * SLF4J announces at INFO on stderr which provider it loads when one is named explicitly: noise at the top of
     * every command's output. Its own warnings and errors still show.
     */
    public static void quietSlf4j() {
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "WARN");
        }
    }

    @Override
    public void run() {
        System.out.println("Commands: run, local, validate, policy, render. Run with --help for details.");
    }
}
