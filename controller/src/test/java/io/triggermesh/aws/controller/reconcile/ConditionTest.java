package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final String TOKEN = "FQoGZXIvYXdzEBYaDExampleSessionToken/+AbC0123456789xyz==";

    @Test
    void everyConditionMessageHasCredentialShapesMaskedWhoeverBuiltIt() {
        Condition built = Condition.isFalse(Condition.RESOURCES_READY, "AwsError", "The security token included in"
                + " the request is invalid: Credential=ASIAQX7EXAMPLE2KEYID/20261204/us-east-1/sqs/aws4_request,"
                + " x-amz-security-token:" + TOKEN);
        Condition read = Condition.fromMap(Map.of("type", "Ready", "status", "False", "reason", "AwsError",
                "message", "X-Amz-Security-Token: " + TOKEN));

        assertThat(built.message()).isEqualTo("The security token included in the request is invalid:"
                + " Credential=***/20261204/us-east-1/sqs/aws4_request, x-amz-security-token:***");
        assertThat(read.message()).isEqualTo("X-Amz-Security-Token: ***");
        assertThat(built.toMap().toString()).doesNotContain(TOKEN, "ASIAQX7EXAMPLE2KEYID");
    }
}
