package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.ConnectorPlugin;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A generated CRD's header is true for whoever generated it: this repository or a third party's build. */
class GeneratedHeaderTest {

    @Test
    void theHeaderNamesTheModelAndTheGeneratorButNoCommandOfThisRepository() {
        List<ConnectorPlugin> plugins = CrdGenerator.plugins(getClass().getClassLoader(), Set.of("s3"));
        String file = new CrdGenerator().generate(plugins).get("targets.triggermesh.io_awss3targets.yaml");
        String header = file.substring(0, file.indexOf("\n---\n"));

        assertThat(header).startsWith(CrdGenerator.HEADER_MARK)
                .contains("triggermesh-aws CRD generator", "Java model of AWSS3Target", "s3 connector plugin",
                        "io.triggermesh.aws.s3.api.AwsS3TargetSpec", "Do not edit")
                .doesNotContain("mvnw", "-pl crds", "this repository");
        assertThat(header.lines()).allMatch(line -> line.startsWith("# "));
    }
}
