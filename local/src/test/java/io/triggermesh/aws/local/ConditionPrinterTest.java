package io.triggermesh.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode's console line per status change, whoever wrote the status. */
class ConditionPrinterTest {

    private static final String TOKEN = "FQoGZXIvYXdzEBYaDPrintedTokenCanary0123456789";

    @TempDir
    Path workDir;
    private InMemoryCluster cluster;

    @BeforeEach
    void start() {
        cluster = InMemoryCluster.start(PluginRegistry.load(getClass().getClassLoader(), Set.of()).descriptors(),
                workDir);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aConditionMessageEchoingAwsCredentialsIsPrintedMasked() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), Set.of());
        try (ConditionPrinter printer = new ConditionPrinter(cluster.client(), registry,
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            GenericKubernetesResource object = cluster.client().resource(Serialization.unmarshal("""
                    apiVersion: targets.triggermesh.io/v1alpha1
                    kind: AWSS3Target
                    metadata: {name: echoed, namespace: default}
                    spec: {arn: "arn:aws:s3:::bucket"}
                    """, GenericKubernetesResource.class)).create();
            object.getAdditionalProperties().put("status", Map.of("conditions", List.of(Map.of("type", "Ready",
                    "status", "False", "reason", "AwsError", "message", "Credential=ASIAQX7EXAMPLE2KEYID/20261204"
                            + "/us-east-1/s3/aws4_request x-amz-security-token:" + TOKEN))));
            cluster.client().resource(object).updateStatus();

            await().atMost(Duration.ofSeconds(10)).until(() -> console.toString(StandardCharsets.UTF_8)
                    .contains("[status] AWSS3Target default/echoed"));
        }

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Credential=***/20261204/us-east-1/s3/aws4_request x-amz-security-token:***")
                .doesNotContain(TOKEN, "ASIAQX7EXAMPLE2KEYID");
    }
}
