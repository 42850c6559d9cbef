package io.triggermesh.aws.controller.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The controller's logback configuration, as shipped, masks STS-issued credentials at DEBUG. */
class RedactingLayoutTest {

    private static final String KEY_ID = "ASIAQX7EXAMPLE2KEYID";
    private static final String TOKEN = "FQoGZXIvYXdzEBYaDExampleSessionToken/+AbC0123456789xyz==";

    @Test
    void theShippedConfigurationMasksTemporaryCredentialsInMessagesAndStackTraces() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = getClass().getClassLoader().getResource("logback.xml");
        assertThat(config).as("logback.xml on the class path").isNotNull();
        configurator.doConfigure(config);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        Encoder<ILoggingEvent> encoder = appender.getEncoder();

        LoggingEvent signing = new LoggingEvent("x", context.getLogger("software.amazon.awssdk.request"),
                Level.DEBUG, "Sending Request: {} x-amz-security-token:{}", null,
                new Object[] {"Authorization: AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20261204/us-east-1/sqs/"
                        + "aws4_request", TOKEN});
        LoggingEvent failure = new LoggingEvent("x", context.getLogger("io.triggermesh.aws.controller"), Level.WARN,
                "managing AWS resources failed", new IllegalStateException("The security token included in the"
                        + " request is invalid. X-Amz-Security-Token: " + TOKEN), null);
        String written = new String(encoder.encode(signing), StandardCharsets.UTF_8)
                + new String(encoder.encode(failure), StandardCharsets.UTF_8);

        assertThat(written).doesNotContain(KEY_ID, TOKEN).contains("Credential=***/20261204",
                "x-amz-security-token:***", "X-Amz-Security-Token: ***", "IllegalStateException");
        context.stop();
    }

    @Test
    void fabric8sWireLoggingStaysOffEvenWhenEverythingElseIsAtTrace() throws Exception {
        // At TRACE fabric8 would log Secret bodies (base64: no shape to mask) and bearer tokens.
        System.setProperty("LOG_LEVEL", "TRACE");
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getClassLoader().getResource("logback.xml"));

            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.TRACE);
            assertThat(context.getLogger("io.fabric8.kubernetes.client.http.HttpLoggingInterceptor")
                    .isTraceEnabled()).isFalse();
        } finally {
            System.clearProperty("LOG_LEVEL");
            context.stop();
        }
    }
}
