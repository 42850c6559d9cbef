package io.triggermesh.aws.adapter;

import java.util.Set;

/**
 * The one place that recognises AWS's "these credentials are not valid" answers (an unknown key id, a wrong secret,
 * a malformed token), as opposed to "this identity may not do that": no policy change helps. The adapters' SQS error
 * sorting ({@code queues.SqsErrors}) and the S3 connector's resource code ({@code resources.AwsCalls}, in the
 * controller) both ask here. An expired session has its own answer: {@link ExpiredCredentials}.
 */
public final class RejectedCredentials {

    /** The codes of SQS and STS (query protocol), S3 (XML) and JSON-protocol services. */
    private static final Set<String> CODES = Set.of("InvalidAccessKeyId", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidToken");

    private RejectedCredentials() {
    }

    /** Whether {@code code} is AWS refusing the credentials themselves. */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }
}
