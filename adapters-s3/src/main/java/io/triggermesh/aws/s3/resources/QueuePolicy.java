package io.triggermesh.aws.s3.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The access policy of a managed queue: S3 may send messages to it, and only on behalf of the source's bucket
 * ({@code aws:SourceArn}) and, when the bucket's account is known, only while that account owns the bucket
 * ({@code aws:SourceAccount}: a deleted bucket's name re-created by someone else cannot send). Nothing else is
 * granted; the adapter reads the queue with its own identity's IAM permissions.
 *
 * @param queueArn the queue the policy is attached to
 * @param bucketArn the bucket's ARN as IAM knows it ({@code arn:aws:s3:::name})
 * @param bucketAccount the account that owns the bucket, or empty when unknown
 */
public record QueuePolicy(String queueArn, String bucketArn, Optional<String> bucketAccount) {

    /** The statement id, so people reading the policy see where it came from. */
    public static final String SID = "TriggerMeshS3SourceNotifications";
    static final String S3_PRINCIPAL = "s3.amazonaws.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    public QueuePolicy {
        Objects.requireNonNull(queueArn, "queueArn");
        Objects.requireNonNull(bucketArn, "bucketArn");
        Objects.requireNonNull(bucketAccount, "bucketAccount");
    }

    /** The policy document as a JSON tree. */
    public JsonNode document() {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", SID);
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", S3_PRINCIPAL);
        statement.put("Action", "sqs:SendMessage");
        statement.put("Resource", queueArn);
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("ArnEquals").put("aws:SourceArn", bucketArn);
        bucketAccount.ifPresent(account -> condition.putObject("StringEquals").put("aws:SourceAccount", account));
        return policy;
    }

    /** The document as the {@code Policy} queue attribute. */
    public String json() {
        return document().toString();
    }

    /**
     * Whether the queue's current {@code Policy} attribute already is this policy, compared as JSON (AWS may store it
     * with other whitespace). A missing or unreadable policy is not.
     */
    public boolean isSatisfiedBy(String currentPolicy) {
        if (currentPolicy == null || currentPolicy.isBlank()) {
            return false;
        }
        try {
            return JSON.readTree(currentPolicy).equals(document());
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
