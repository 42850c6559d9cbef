package io.triggermesh.aws.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

class AwsEndpointsTest {

    private static final String CANARY = "CANARY-Pa55word-7f3e";

    @Test
    void regionComesFromAwsRegionFirst() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(
                Map.of("AWS_REGION", "eu-west-3", "AWS_DEFAULT_REGION", "ap-south-1"));

        assertThat(endpoints.region()).isEqualTo(Region.EU_WEST_3);
    }

    @Test
    void regionFallsBackToAwsDefaultRegion() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "ap-south-1"));

        assertThat(endpoints.region()).isEqualTo(Region.AP_SOUTH_1);
    }

    @Test
    void regionDefaultsToUsEast1WhenUnsetOrBlank() {
        assertThat(AwsEndpoints.fromEnvironment(Map.of()).region()).isEqualTo(Region.US_EAST_1);
        assertThat(AwsEndpoints.fromEnvironment(Map.of("AWS_REGION", " ")).region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void noEndpointVariablesMeansAwsEndpointsForEveryService() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(endpoints.endpointFor("sts")).isEmpty();
        assertThat(endpoints.endpointFor("sqs")).isEmpty();
    }

    @Test
    void globalEndpointServesEveryServiceWithoutItsOwn() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_ENDPOINT_URL_SQS", "http://elasticmq:9324"));

        assertThat(endpoints.endpointFor("s3")).contains(URI.create("http://localhost:4566"));
        assertThat(endpoints.endpointFor("sts")).contains(URI.create("http://localhost:4566"));
        assertThat(endpoints.endpointFor("sqs")).contains(URI.create("http://elasticmq:9324"));
    }

    @Test
    void perServiceEndpointsAreFoundWhateverTheCaseOfTheServiceName() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL_STS", "https://sts.example.test",
                "AWS_ENDPOINT_URL_S3", "https://s3.example.test/base",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "https://sm.example.test"));

        assertThat(endpoints.endpointFor("sts")).contains(URI.create("https://sts.example.test"));
        assertThat(endpoints.endpointFor("STS")).contains(URI.create("https://sts.example.test"));
        assertThat(endpoints.endpointFor("s3")).contains(URI.create("https://s3.example.test/base"));
        assertThat(endpoints.endpointFor("Secrets Manager")).contains(URI.create("https://sm.example.test"));
        assertThat(endpoints.endpointFor("sqs")).isEmpty();
    }

    @Test
    void anEmptyEndpointVariableIsRefusedNamingItBecauseTheSdkReadsItToo() {
        // SDK 2.57.8 fails every call of a client built without an override when AWS_ENDPOINT_URL is set but empty
        // (NullPointerException: The URI scheme of endpointOverride must not be null): unset is the only safe reading.
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL is set but empty: unset it to use AWS's own endpoints");
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL_STS", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_STS is set but empty");
    }

    @Test
    void unsetEndpointVariablesLeaveEveryServiceAtItsAwsEndpoint() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(Map.of("AWS_REGION", " "));

        assertThat(endpoints.endpointFor("sts")).isEmpty();
        assertThat(endpoints.globalEndpoint()).isEmpty();
    }

    @Test
    void endpointWithoutSchemeIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SQS", "localhost:9324")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_SQS ")
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void endpointWithOtherSchemeIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "ftp://files.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AWS_ENDPOINT_URL must be an absolute http:// or https:// URL, not ftp://");
    }

    @Test
    void unparsableEndpointIsRejectedWithoutEchoingItsUserInfo() {
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(
                Map.of("AWS_ENDPOINT_URL_STS", "http://admin:" + CANARY + "@sts host:4566")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_STS is not a valid URL")
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void endpointWithoutHostIsRejectedWithoutEchoingItsUserInfo() {
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(
                Map.of("AWS_ENDPOINT_URL_S3", "http://admin:" + CANARY + "@bad_host:9000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ENDPOINT_URL_S3 has no valid host name")
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void endpointWithQueryIsRejected() {
        assertThatThrownBy(() -> AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://h:1/?a=b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AWS_ENDPOINT_URL must not have a query or fragment");
    }

    @Test
    void userInfoIsStrippedFromEndpoints() {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(
                Map.of("AWS_ENDPOINT_URL", "https://admin:" + CANARY + "@proxy.example:8443/aws"));

        assertThat(endpoints.endpointFor("sqs")).contains(URI.create("https://proxy.example:8443/aws"));
        assertThat(endpoints.toString()).doesNotContain(CANARY);
    }

    @Test
    void copiesAddEndpointsWithoutChangingTheOriginal() {
        AwsEndpoints base = AwsEndpoints.of(Region.EU_CENTRAL_1);
        AwsEndpoints changed = base.withGlobalEndpoint(URI.create("http://127.0.0.1:5000"))
                .withServiceEndpoint("sqs", URI.create("http://127.0.0.1:9324"));

        assertThat(base.endpointFor("sqs")).isEmpty();
        assertThat(changed.endpointFor("SQS")).contains(URI.create("http://127.0.0.1:9324"));
        assertThat(changed.endpointFor("sts")).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(changed.region()).isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void applyToSetsRegionAndTheServicesEndpoint() {
        AwsEndpoints endpoints = AwsEndpoints.of(Region.EU_WEST_1)
                .withServiceEndpoint("sts", URI.create("http://127.0.0.1:5000"));
        StsClientBuilder builder = StsClient.builder()
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create());

        try (StsClient client = endpoints.applyTo(builder, "sts").build()) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:5000"));
        }
    }
}
