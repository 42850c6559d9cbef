package io.triggermesh.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An expired session token as AWS reports it (a tiny STS stand-in answering {@code ExpiredToken}, which moto never
 * does): recognised as such, logged once however many calls fail, and reported until AWS accepts a call again or,
 * as no call may come while the target is unready, for a while after the last refusal.
 */
class ExpiredCredentialsIT {

    private final AtomicBoolean expired = new AtomicBoolean(true);
    private final Logger logger = Logger.getLogger(ExpiredCredentials.class.getName());
    private final CapturedLog capture = new CapturedLog();
    private final List<String> lines = capture.lines();
    private HttpServer sts;

    @BeforeEach
    void start() throws IOException {
        logger.addHandler(capture);
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String body = expired.get()
                    ? "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token"
                    + " included in the request is expired</Message></Error><RequestId>r1</RequestId></ErrorResponse>"
                    : "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u"
                    + "</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
                    + "</GetCallerIdentityResponse>";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(expired.get() ? 403 : 200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        sts.start();
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        sts.stop(0);
    }

    @Test
    void anExpiredTokenIsLoggedOnceAndReportedUntilAwsAcceptsACallAgain() {
        AwsEndpoints endpoints = AwsEndpoints.of(Region.US_EAST_1)
                .withGlobalEndpoint(URI.create("http://127.0.0.1:" + sts.getAddress().getPort()));
        try (AwsClients aws = AwsClients.withProvider(endpoints, StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXPIREDTESTKEY01", "secret-key", "session-token")))) {
            StsClient client = aws.client(StsClient.builder(), "sts", Region.US_EAST_1);
            for (int i = 0; i < 3; i++) {
                Throwable failure = catchThrowable(client::getCallerIdentity);
                assertThat(ExpiredCredentials.is(failure)).isTrue();
            }
            assertThat(aws.credentialsProblem()).contains("the AWS credentials expired (ExpiredToken)");
            assertThat(lines).singleElement().asString().startsWith("WARNING AWS refuses the credentials")
                    .contains("ExpiredToken").doesNotContain("session-token").doesNotContain("secret-key");

            expired.set(false);
            assertThat(client.getCallerIdentity().account()).isEqualTo("123456789012");
            assertThat(aws.credentialsProblem()).isEmpty();
            assertThat(lines).hasSize(2).last().isEqualTo("INFO AWS accepts the credentials again");
        }
    }

    @Test
    void aTransientExpiredTokenIsNoLongerReportedOnceItsTimeLapsesThoughNoCallWasMadeSince() {
        AtomicLong nanos = new AtomicLong(-5_000_000_000L);
        ExpiredCredentials expiry = new ExpiredCredentials("web identity (IRSA)", nanos::get);
        try (StsClient client = StsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + sts.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("ASIAEXPIREDTESTKEY01", "secret-key", "session-token")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(expiry)).build()) {
            catchThrowable(client::getCallerIdentity);
            nanos.addAndGet(ExpiredCredentials.REPORTED_FOR.toNanos() - 1);
            assertThat(expiry.problem()).contains("the AWS credentials expired (ExpiredToken)");

            // A 503 keeps events, hence AWS calls, away: only the time passing may clear it.
            nanos.addAndGet(1);
            assertThat(expiry.problem()).isEmpty();

            // The next refused call reports it again, without a second warning in the log.
            catchThrowable(client::getCallerIdentity);
            assertThat(expiry.problem()).isPresent();
            assertThat(lines).singleElement().asString().startsWith("WARNING AWS refuses the credentials");
        }
    }

    @Test
    void otherRefusalsAreNotAnExpiredSession() {
        var denied = software.amazon.awssdk.services.sts.model.StsException.builder().statusCode(403)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("InvalidClientTokenId").build()).build();
        assertThat(ExpiredCredentials.is(denied)).isFalse();
        assertThat(ExpiredCredentials.is(new RuntimeException("wrapped", denied))).isFalse();
        assertThat(ExpiredCredentials.isCode("ExpiredTokenException")).isTrue();
    }
}
