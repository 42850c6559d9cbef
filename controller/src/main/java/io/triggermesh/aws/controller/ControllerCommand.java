package io.triggermesh.aws.controller;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.context.env.Environment;
import io.triggermesh.aws.controller.cli.PolicyCommand;
import io.triggermesh.aws.controller.cli.RenderCommand;
import io.triggermesh.aws.controller.cli.RunCommand;
import io.triggermesh.aws.controller.cli.ValidateCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar controller.jar <command>}: the controller and its offline tools in one jar. Local mode is not
 * among them: it lives in the {@code local} module, whose jar runs these commands plus {@code local}, so the
 * controller jar and image carry no in-memory API server.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = "triggermesh-aws controller and tools.",
        subcommands = {RunCommand.class, ValidateCommand.class, PolicyCommand.class, RenderCommand.class})
public class ControllerCommand implements Runnable {

    /** The controller logs with logback; the JUL provider in the same jar is for the adapters local mode starts. */
    public static final String LOGBACK_PROVIDER = "ch.qos.logback.classic.spi.LogbackServiceProvider";
    /** SLF4J's own reporting level (its lines start with {@code SLF4J(I)}, {@code SLF4J(W)}). */
    public static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    public static void main(String[] args) {
        System.exit(execute(List.of(), args));
    }

    /**
     * Runs one command, as {@code PicocliRunner.execute} would, with {@code more} subcommands next to this jar's
     * own (local mode's jar adds {@code local} this way; the controller never depends on it).
     */
    public static int execute(List<Class<?>> more, String... args) {
        // System properties, not configuration: SLF4J reads them when the first logger is made, before the context.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", LOGBACK_PROVIDER);
        }
        quietSlf4j();
        try (ApplicationContext context = ApplicationContext.builder(ControllerCommand.class, Environment.CLI)
                .propertySources(new CommandLinePropertySource(io.micronaut.core.cli.CommandLine.parse(args)))
                .start()) {
            CommandLine line = new CommandLine(ControllerCommand.class, new MicronautFactory(context));
            more.forEach(line::addSubcommand);
            return line.execute(args);
        }
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
        System.out.println("Commands: run, validate, policy, render. Run with --help for details.");
    }
}
