package io.triggermesh.aws.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.triggermesh.aws.controller.ControllerCommand;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code local.jar}'s command line: the controller's commands plus {@code local}, as {@link LocalMain} builds it. */
@MicronautTest(startApplication = false)
class LocalCommandTest {

    @Inject
    ApplicationContext context;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(ControllerCommand.class, new MicronautFactory(context))
                .addSubcommand(LocalCommand.class);
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void localRefusesUnreadableManifestsBeforeStartingAnything(@TempDir Path dir) {
        Run run = run("local", "-f", dir.resolve("nope.yaml").toString(), "--work-dir", dir.resolve("w").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains("nope.yaml").doesNotContain("\tat ");
        assertThat(dir.resolve("w")).doesNotExist();
    }

    @Test
    void localsHelpListsItsExitCodes() {
        assertThat(run("local", "--help").out()).contains("Exit codes:").contains("2   unreadable input");
    }

    @Test
    void theControllersCommandsStayAvailableNextToLocal() {
        assertThat(run("validate", "--help").exitCode()).isZero();
        assertThat(run("run", "--help").exitCode()).isZero();
    }
}
