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

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", LOGBACK_PROVIDER);
        }
        System.exit(PicocliRunner.execute(ControllerCommand.class, args));
    }

    @Override
    public void run() {
        System.out.println("Commands: run, local, validate, policy, render. Run with --help for details.");
    }
}
