package io.triggermesh.aws.adapter.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdapterLoggingTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

    @AfterEach
    void restore() {
        LogManager.getLogManager().reset();
    }

    @Test
    void credentialValuesAreMaskedAtEveryLevelAndInStackTraces() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdapterLogging.configure(Level.ALL, SecretRedactor.forEnvironment(Map.of("AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_SESSION_TOKEN", TOKEN)), new PrintStream(out, true, StandardCharsets.UTF_8));
        System.Logger log = System.getLogger("test");

        log.log(System.Logger.Level.TRACE, "signing with " + SECRET);
        log.log(System.Logger.Level.DEBUG, "header X-Amz-Security-Token: " + TOKEN);
        log.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("bad token " + TOKEN));

        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).contains("signing with ***", "X-Amz-Security-Token: ***", "bad token ***",
                "IllegalStateException").doesNotContain(SECRET, TOKEN);
    }

    @Test
    void atDebugTheJdksOwnLoggersStayAtInfoAndSpeakOnlyAtTrace() {
        ByteArrayOutputStream debug = new ByteArrayOutputStream();
        AdapterLogging.configure(Level.FINE, SecretRedactor.of(java.util.List.of()),
                new PrintStream(debug, true, StandardCharsets.UTF_8));
        System.getLogger("jdk.event.security").log(System.Logger.Level.DEBUG, "X509Certificate: a trusted root");
        System.getLogger("io.triggermesh.aws.test").log(System.Logger.Level.DEBUG, "the adapter's own detail");
        System.getLogger("software.amazon.awssdk.request").log(System.Logger.Level.DEBUG, "the SDK's detail");

        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        AdapterLogging.configure(Level.ALL, SecretRedactor.of(java.util.List.of()),
                new PrintStream(trace, true, StandardCharsets.UTF_8));
        System.getLogger("jdk.event.security").log(System.Logger.Level.DEBUG, "X509Certificate: a trusted root");

        assertThat(debug.toString(StandardCharsets.UTF_8)).contains("the adapter's own detail", "the SDK's detail")
                .doesNotContain("X509Certificate");
        assertThat(trace.toString(StandardCharsets.UTF_8)).contains("X509Certificate");
    }

    @Test
    void theLevelComesFromLogLevel() {
        assertThat(AdapterLogging.level(null)).isEqualTo(Level.INFO);
        assertThat(AdapterLogging.level("DEBUG")).isEqualTo(Level.FINE);
        assertThat(AdapterLogging.level("trace")).isEqualTo(Level.ALL);
        assertThatThrownBy(() -> AdapterLogging.level("loud")).hasMessageStartingWith("LOG_LEVEL must be one of");
    }

    @Test
    void shortValuesAreNotMaskedSoOrdinaryWordsSurvive() {
        SecretRedactor redactor = SecretRedactor.of(java.util.Arrays.asList("ab", null, "longer-secret"));

        assertThat(redactor.redact("ab longer-secret")).isEqualTo("ab ***");
        assertThat(redactor.toString()).isEqualTo("SecretRedactor[1 values]");
    }

    @Test
    void atTraceTheJdksHttpClientStillNeverLogsRequestHeaders() {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        AdapterLogging.configure(Level.ALL, SecretRedactor.of(java.util.List.of()),
                new PrintStream(trace, true, StandardCharsets.UTF_8));
        // What HttpURLConnection writes at FINE: every request header, the agent's token among them.
        System.getLogger(AdapterLogging.JDK_HTTP_CLIENT + ".HttpURLConnection").log(System.Logger.Level.DEBUG,
                "sun.net.www.MessageHeader@1{GET /v1/credentials HTTP/1.1: null}{Authorization: opaque-agent-token}");

        assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain("opaque-agent-token");
    }

    @Test
    void theTokenInTheFileAnAgentOrWebhookNamedIsMaskedByValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("token");
        java.nio.file.Files.writeString(file, "0123456789abcdef-local-agent-token\n");

        SecretRedactor redactor = SecretRedactor.forEnvironment(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                file.toString()));

        assertThat(redactor.redact("credentials endpoint refused 0123456789abcdef-local-agent-token"))
                .isEqualTo("credentials endpoint refused ***");
    }
}
