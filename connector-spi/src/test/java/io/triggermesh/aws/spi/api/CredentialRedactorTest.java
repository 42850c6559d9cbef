package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRedactorTest {

    private static final String KEY_ID = "ASIAQX7EXAMPLE2KEYID";
    private static final String TOKEN = "FQoGZXIvYXdzEBYaDExampleSessionTokenWithPadding/+AbC0123456789xyz==";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    /** What SQS (query protocol) answers when a request was signed with the wrong secret key. */
    private static final String SIGNATURE_DOES_NOT_MATCH = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n"
            + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:sqs.eu-west-1.amazonaws.com\n"
            + "x-amz-date:20261204T175300Z\nx-amz-security-token:" + TOKEN + "\n\n"
            + "content-type;host;x-amz-date;x-amz-security-token\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\n"
            + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20261204T175300Z\n"
            + "20261204/eu-west-1/sqs/aws4_request\n9d8c4f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6'\n";

    /** What STS answers for a key id it does not know, echoing the request's Authorization header. */
    private static final String INVALID_CLIENT_TOKEN_ID = "The security token included in the request is invalid."
            + " (Authorization: AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20261204/us-east-1/sts/aws4_request,"
            + " SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=" + SIGNATURE
            + "; X-Amz-Security-Token: " + TOKEN + ")";

    @Test
    void signatureDoesNotMatchEchoLosesItsSessionTokenButKeepsWhatHelpsDiagnose() {
        String redacted = CredentialRedactor.shapes().redact(SIGNATURE_DOES_NOT_MATCH);

        assertThat(redacted).doesNotContain(TOKEN).doesNotContain("FQoG")
                .contains("x-amz-security-token:***\n", "The request signature we calculated does not match",
                        "host:sqs.eu-west-1.amazonaws.com", "content-type;host;x-amz-date;x-amz-security-token\n",
                        "20261204/eu-west-1/sqs/aws4_request");
    }

    @Test
    void invalidClientTokenIdEchoLosesKeyIdSignatureAndToken() {
        String redacted = CredentialRedactor.redactShapes(INVALID_CLIENT_TOKEN_ID);

        assertThat(redacted).doesNotContain(KEY_ID, TOKEN, SIGNATURE)
                .contains("Credential=***/20261204/us-east-1/sts/aws4_request", "Signature=***",
                        "X-Amz-Security-Token: ***)", "SignedHeaders=host;x-amz-date;x-amz-security-token,");
    }

    @Test
    void presignedQueryFormIsMasked() {
        String url = "https://bucket.s3.amazonaws.com/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + "AKIAIOSFODNN7EXAMPLE%2F20261204%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token="
                + "IQoJb3JpZ2luX2VjEAaCXVzLWVhc3QtMSJHMEUCIQD%2Bexample&X-Amz-Signature=" + SIGNATURE + "&x=1";

        assertThat(CredentialRedactor.redactShapes(url)).isEqualTo("https://bucket.s3.amazonaws.com/key"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***%2F20261204%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Security-Token=***&X-Amz-Signature=***&x=1");
    }

    @Test
    void stsAnswersInXmlAndJsonAndCredentialFilesLoseTheirSecretFields() {
        String xml = "<AssumeRoleResult><Credentials><AccessKeyId>" + KEY_ID + "</AccessKeyId><SecretAccessKey>"
                + SECRET + "</SecretAccessKey><SessionToken>" + TOKEN + "</SessionToken><Expiration>"
                + "2026-12-04T18:53:00Z</Expiration></Credentials></AssumeRoleResult>";
        String json = "{\"Credentials\": {\"AccessKeyId\": \"" + KEY_ID + "\", \"SecretAccessKey\": \"" + SECRET
                + "\", \"SessionToken\":\"" + TOKEN + "\"}, \"Token\": \"" + TOKEN + "\"}";
        String ini = "[default]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET
                + "\naws_session_token=" + TOKEN + "\n";

        assertThat(CredentialRedactor.redactShapes(xml)).doesNotContain(KEY_ID, SECRET, TOKEN)
                .contains("<SecretAccessKey>***</SecretAccessKey>", "<SessionToken>***</SessionToken>",
                        "<Expiration>2026-12-04T18:53:00Z</Expiration>");
        assertThat(CredentialRedactor.redactShapes(json)).doesNotContain(KEY_ID, SECRET, TOKEN)
                .contains("\"SecretAccessKey\": \"***\"", "\"SessionToken\":\"***\"", "\"Token\": \"***\"");
        assertThat(CredentialRedactor.redactShapes(ini)).doesNotContain(KEY_ID, SECRET, TOKEN)
                .contains("aws_secret_access_key = ***\n", "aws_session_token=***\n");
    }

    @Test
    void knownValuesAreMaskedEvenWhenTheyHaveNoCredentialShape() {
        // Emulators accept any key id; a secret never looks like anything in particular.
        CredentialRedactor redactor = CredentialRedactor.knowing("testing-key", SECRET, null, "ab",
                "external-id-42");

        assertThat(redactor.redact("key testing-key, secret " + SECRET + ", ExternalId external-id-42, ab"))
                .isEqualTo("key ***, secret ***, ExternalId ***, ab");
        assertThat(redactor.knownValues()).isEqualTo(3);
        assertThat(redactor.toString()).isEqualTo("CredentialRedactor[3 values]").doesNotContain(SECRET);
    }

    @Test
    void aKnownValueContainingAnotherIsMaskedWhole() {
        CredentialRedactor redactor = CredentialRedactor.knowing(Arrays.asList("abcd", "abcdefgh"));

        assertThat(redactor.redact("x abcdefgh y")).isEqualTo("x *** y");
        assertThat(redactor.and(List.of("zzzz")).redact("abcd zzzz")).isEqualTo("*** ***");
    }

    @Test
    void validationMessagesNamingSecretFieldsAreLeftAlone() {
        String text = "spec.auth.credentials.sessionToken: must set exactly one of value or valueFromSecret;"
                + " spec.auth.credentials.secretAccessKey: is required; AWS_SESSION_TOKEN=short";

        assertThat(CredentialRedactor.redactShapes(text)).isEqualTo(text);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "access denied for sqs:GetQueueUrl on arn:aws:sqs:eu-west-1:123456789012:orders: grant it;"
                + " the session token expired; AKIAIOSFODNN7EXAMPLEX is not an id (21 chars); requestId=abc";

        assertThat(CredentialRedactor.redactShapes(text)).isEqualTo(text);
        assertThat(CredentialRedactor.redactShapes(null)).isNull();
    }

    @Test
    void aSessionTokenStandingAloneIsMaskedByItsPrefix() {
        String regional = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6" + "A".repeat(200) + "==";
        String global = "FwoGZXIvYXdzEBYaDH" + "b".repeat(120);
        String text = "the request failed (session token " + regional + ") and again with " + global + ".";

        String redacted = CredentialRedactor.redactShapes(text);

        assertThat(redacted).doesNotContain(regional.substring(0, 40), global.substring(0, 30))
                .isEqualTo("the request failed (session token ***) and again with ***.");
    }

    @Test
    void shortTextThatMerelyStartsLikeATokenIsLeftAlone() {
        assertThat(CredentialRedactor.redactShapes("see IQoJb3JpZ2lu in the docs"))
                .isEqualTo("see IQoJb3JpZ2lu in the docs");
    }

    @Test
    void bearerAndAgentAuthorizationValuesAndJsonWebTokensAreMasked() {
        String jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJodHRwczovL29pZGMifQ.c2lnbmF0dXJl";
        String text = "GET /v1/credentials {Authorization: 7f3a9c0d1e2b4f6a8c0e2d4b6a8f0c1e} "
                + "Authorization: Bearer " + jwt + " token file: " + jwt;

        String redacted = CredentialRedactor.redactShapes(text);

        assertThat(redacted).doesNotContain("7f3a9c0d1e2b4f6a8c0e2d4b6a8f0c1e", jwt)
                .isEqualTo("GET /v1/credentials {Authorization: ***} Authorization: Bearer *** token file: ***");
    }

    @Test
    void aSigV4AuthorizationHeaderKeepsItsReadableParts() {
        String header = "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261204/us-east-1/sqs/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "ab12".repeat(16);

        assertThat(CredentialRedactor.redactShapes(header)).isEqualTo("Authorization: AWS4-HMAC-SHA256 Credential=***/"
                + "20261204/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=***");
    }
}
