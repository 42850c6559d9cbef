package io.triggermesh.aws.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.e2e.suite.Summary;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's quickstart, run as a test: every step must pass. */
@ExtendWith({AwsEmulatorExtension.class, Summary.class})
class QuickstartIT {

    @Test
    void quickstartRunsEveryStepAndEndsWithASummary(AwsEmulator aws) {
        aws.assumeMoto();
        aws.reset();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        int exit = new Quickstart(out).run();

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("com.amazon.s3.objectcreated", "ServiceAccount awss3source-i-irsa-uploads",
                "queue got:", "no secret value", "6 passed, 0 failed");
    }
}
