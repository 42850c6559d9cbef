package io.triggermesh.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterConfigTest {

    @Test
    void aTargetListensOnPortOrElseOnItsContainerPort() {
        assertThat(AdapterConfig.fromEnvironment(Map.of("PORT", "18080")).port(8080)).isEqualTo(18080);
        assertThat(AdapterConfig.fromEnvironment(Map.of()).port(8080)).isEqualTo(8080);
    }

    @Test
    void aPortThatIsNotANumberNamesTheVariable() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("PORT", "http"));

        assertThatThrownBy(() -> config.port(8080)).isInstanceOf(AdapterConfigException.class)
                .satisfies(e -> assertThat(((AdapterConfigException) e).variable()).isEqualTo("PORT"));
    }

    @Test
    void aMissingSinkNamesTheVariable() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("K_SINK", "  "));

        assertThatThrownBy(config::sink).isInstanceOf(AdapterConfigException.class)
                .hasMessageStartingWith("K_SINK is required")
                .satisfies(e -> assertThat(((AdapterConfigException) e).variable()).isEqualTo("K_SINK"));
    }

    @Test
    void aSinkThatIsNotAnHttpUrlIsRefusedWithoutItsPassword() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("K_SINK", "ftp://user:hunter22@host/x"));

        assertThatThrownBy(config::sink).hasMessageStartingWith("K_SINK must be an absolute http")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void aSinkThatIsRefusedIsQuotedWithoutItsQueryToken() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("K_SINK", "ftp://host/x?token=t0k3n"));

        assertThatThrownBy(config::sink).hasMessageContaining("ftp://host/x?***").hasMessageNotContaining("t0k3n");
    }

    @Test
    void sinkAndTimeoutAreRead() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("K_SINK", "http://broker.default.svc",
                "K_SINK_TIMEOUT", "5"));

        assertThat(config.sink()).isEqualTo(URI.create("http://broker.default.svc"));
        assertThat(config.sinkTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(AdapterConfig.fromEnvironment(Map.of()).sinkTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anArnThatIsNotOneSaysWhatWasExpected() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("ARN", "arn:aws:sqs:1234abcd:queue_name"));

        assertThatThrownBy(() -> config.arn("SQS queue")).hasMessageStartingWith("ARN ")
                .hasMessageContaining("expected the ARN of the SQS queue");
    }

    @Test
    void numbersAndBooleansAreCheckedAgainstTheirBounds() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("N", "0", "B", "yes", "X", "abc"));

        assertThatThrownBy(() -> config.integer("N", 1, 1, 10)).hasMessage("N must be between 1 and 10, not 0");
        assertThatThrownBy(() -> config.integer("X", 1, 1, 10)).hasMessage("N must be a whole number, not 'abc'"
                .replace("N ", "X "));
        assertThatThrownBy(() -> config.bool("B", false)).hasMessage("B must be true or false, not 'yes'");
        assertThat(config.integer("UNSET", 7, 1, 10)).isEqualTo(7);
    }

    @Test
    void anInvalidEndpointIsReportedAtOnce() {
        assertThatThrownBy(() -> AdapterConfig.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "localhost:4566")))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void toStringListsNamesButNeverValues() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t-value",
                "NAME", "orders", "NAMESPACE", "shop"));

        assertThat(config.toString()).contains("shop/orders", "AWS_SECRET_ACCESS_KEY")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void inconsistentCredentialsFailNamingTheVariable() {
        AdapterConfig config = AdapterConfig.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"));

        assertThatThrownBy(() -> AwsClients.fromConfig(config)).isInstanceOf(AdapterConfigException.class)
                .satisfies(e -> assertThat(((AdapterConfigException) e).variable()).isEqualTo(
                        "AWS_SECRET_ACCESS_KEY"));
    }
}
