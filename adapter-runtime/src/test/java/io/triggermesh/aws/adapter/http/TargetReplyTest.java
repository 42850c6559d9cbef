package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetReplyTest {

    @Test
    void aFailureMessageNeverCarriesCredentialsWhateverTheConnectorPassed() {
        String echoed = "SignatureDoesNotMatch: Authorization: AWS4-HMAC-SHA256 Credential=ASIAQWERTYUIOPASDFGH/"
                + "20261204/us-east-1/sqs/aws4_request\nx-amz-security-token:FQoGZXIvYXdzEBYaDabcdefghijklmnop";

        TargetReply.Failure failure = TargetReply.failure(403, "AccessDenied", echoed);

        assertThat(failure.message()).doesNotContain("ASIAQWERTYUIOPASDFGH", "FQoGZXIvYXdzEBYaDabcdefghijklmnop")
                .startsWith("SignatureDoesNotMatch: Authorization: AWS4-HMAC-SHA256 Credential=***/");
    }
}
