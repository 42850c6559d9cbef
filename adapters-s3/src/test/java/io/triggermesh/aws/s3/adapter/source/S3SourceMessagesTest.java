package io.triggermesh.aws.s3.adapter.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import io.triggermesh.aws.s3.api.BucketArn;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

class S3SourceMessagesTest {

    private static final String BUCKET_ARN = "arn:aws:s3:us-east-1:123456789012:bkt";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bodies as moto 5.2.1 delivered them (docs/testing.md: keys quote_plus-encoded, eventTime without Z). */
    static final String MOTO_PUT = """
            {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
             "eventTime": "2026-11-28T16:38:00.519961", "eventName": "ObjectCreated:Put",
             "s3": {"s3SchemaVersion": "1.0", "configurationId": "mine",
                    "bucket": {"name": "bkt", "arn": "arn:aws:s3:::bkt"},
                    "object": {"key": "a+b%2Fc%2Bd%2F%C3%BC.txt", "size": 1,
                               "eTag": "9dd4e461268c8034f5c8564e155c67a6"}}}]}""";
    static final String MOTO_MULTIPART_PUT = """
            {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
             "eventTime": "2026-11-28T16:38:00.540598", "eventName": "ObjectCreated:Put",
             "s3": {"bucket": {"name": "bkt", "arn": "arn:aws:s3:::bkt"},
                    "object": {"key": "multi+part", "size": 10, "eTag": "9b9d3d3707f26b0895ad4008662e2dcb-1"}}}]}""";
    static final String MOTO_MULTIPART_COMPLETE = """
            {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
             "eventTime": "2026-11-28T16:38:00.540991", "eventName": "ObjectCreated:CompleteMultipartUpload",
             "s3": {"bucket": {"name": "bkt", "arn": "arn:aws:s3:::bkt"},
                    "object": {"key": "multi+part", "size": 10, "eTag": "9b9d3d3707f26b0895ad4008662e2dcb-1"}}}]}""";
    static final String MOTO_TEST_EVENT = """
            {"Service": "Amazon S3", "Event": "s3:TestEvent", "Time": "2026-11-28T16:38:00.506677", "Bucket": "bkt"}""";

    /** A record shaped like AWS's documented example, with sequencer and a zoned time. */
    private static String awsRecord(String eventName, String key, String sequencer) {
        return """
                {"Records":[{"eventVersion":"2.2","eventSource":"aws:s3","awsRegion":"us-west-2",
                 "eventTime":"2026-11-28T10:00:00.123Z","eventName":"%s",
                 "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},
                 "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8"},
                 "s3":{"s3SchemaVersion":"1.0","configurationId":"cfg",
                       "bucket":{"name":"bkt","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},
                                 "arn":"arn:aws:s3:::bkt"},
                       "object":{"key":"%s","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e",
                                 "versionId":"096fKKXTRTtl3on89fVO.nfljtsv6qko","sequencer":"%s"}}}]}"""
                .formatted(eventName, key, sequencer);
    }

    private final S3SourceMessages messages = new S3SourceMessages(BucketArn.parse(BUCKET_ARN).orElseThrow(),
            BUCKET_ARN);

    private MessageEvents map(String body) {
        return messages.handle(Message.builder().messageId("m-1").body(body).build());
    }

    private CloudEvent single(String body) {
        MessageEvents mapped = map(body);
        assertThat(mapped.failure()).isEmpty();
        assertThat(mapped.events()).hasSize(1);
        return mapped.events().get(0);
    }

    @Test
    void objectCreatedRecordBecomesAnObjectCreatedEventFromTheBucketAsWrittenInTheSpec() throws Exception {
        CloudEvent event = single(MOTO_PUT);

        assertThat(event.getType()).isEqualTo("com.amazon.s3.objectcreated");
        assertThat(event.getSource()).isEqualTo(URI.create(BUCKET_ARN));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data).isEqualTo(JSON.readTree(MOTO_PUT).get("Records").get(0));
    }

    @Test
    void subjectIsTheKeyDecodedAsS3EncodesIt() {
        // quote_plus: '+' is a space, %2B a plus, %2F a slash, UTF-8 percent-encoded.
        assertThat(single(MOTO_PUT).getSubject()).isEqualTo("a b/c+d/ü.txt");
        assertThat(single(awsRecord("ObjectCreated:Put", "dir/with%20space", "01")).getSubject())
                .isEqualTo("dir/with space");
    }

    @Test
    void aKeyWithBrokenEncodingIsKeptAsItArrived() {
        assertThat(single(awsRecord("ObjectCreated:Put", "100%-done", "01")).getSubject()).isEqualTo("100%-done");
    }

    @Test
    void eventTimeWithoutZoneIsUtcAndWithZoneIsKept() {
        assertThat(single(MOTO_PUT).getTime())
                .isEqualTo(OffsetDateTime.of(2026, 11, 28, 16, 38, 0, 519_961_000, ZoneOffset.UTC));
        assertThat(single(awsRecord("ObjectCreated:Put", "k", "01")).getTime())
                .isEqualTo(OffsetDateTime.parse("2026-11-28T10:00:00.123Z"));
    }

    @Test
    void eventFamiliesBecomeTheirTypes() {
        assertThat(single(awsRecord("ObjectRemoved:Delete", "k", "01")).getType())
                .isEqualTo("com.amazon.s3.objectremoved");
        assertThat(single(awsRecord("ObjectRestore:Completed", "k", "01")).getType())
                .isEqualTo("com.amazon.s3.objectrestore");
        assertThat(single(awsRecord("LifecycleExpiration:Delete", "k", "01")).getType())
                .isEqualTo("com.amazon.s3.lifecycleexpiration");
    }

    @Test
    void aRedeliveredMessageGetsTheSameIds() {
        assertThat(single(MOTO_PUT).getId()).isEqualTo(single(MOTO_PUT).getId()).matches("[0-9a-f]{32}");
        String aws = awsRecord("ObjectCreated:Put", "k", "0055AED6DCD90281E5");
        assertThat(single(aws).getId()).isEqualTo(new S3SourceMessages(BucketArn.parse(BUCKET_ARN).orElseThrow(),
                BUCKET_ARN).handle(Message.builder().messageId("other-receive").body(aws).build()).events().get(0)
                .getId());
    }

    @Test
    void theSameRecordReformattedKeepsItsId() throws Exception {
        String compact = JSON.writeValueAsString(JSON.readTree(MOTO_PUT));
        assertThat(single(compact).getId()).isEqualTo(single(MOTO_PUT).getId());
    }

    @Test
    void multipartUploadsTwoEventsGetDistinctIds() {
        assertThat(single(MOTO_MULTIPART_PUT).getId()).isNotEqualTo(single(MOTO_MULTIPART_COMPLETE).getId());
    }

    @Test
    void twoWritesOfOneKeyGetDistinctIds() {
        assertThat(single(awsRecord("ObjectCreated:Put", "k", "0055AED6DCD90281E5")).getId())
                .isNotEqualTo(single(awsRecord("ObjectCreated:Put", "k", "0055AED6DCD90281E6")).getId());
    }

    @Test
    void everyRecordOfAMessageBecomesAnEvent() {
        String body = """
                {"Records":[%s,%s]}""".formatted(
                JSON.valueToTree(readUnchecked(MOTO_MULTIPART_PUT).get("Records").get(0)).toString(),
                readUnchecked(MOTO_MULTIPART_COMPLETE).get("Records").get(0).toString());

        MessageEvents mapped = map(body);

        assertThat(mapped.events()).extracting(CloudEvent::getSubject).containsExactly("multi part", "multi part");
        assertThat(mapped.events()).extracting(CloudEvent::getId).doesNotHaveDuplicates();
    }

    @Test
    void theS3TestEventBecomesATestEvent() {
        CloudEvent event = single(MOTO_TEST_EVENT);

        assertThat(event.getType()).isEqualTo("com.amazon.s3.testevent");
        assertThat(event.getSource()).isEqualTo(URI.create(BUCKET_ARN));
        assertThat(event.getId()).isEqualTo(single(MOTO_TEST_EVENT).getId());
        assertThat(event.getSubject()).isNull();
    }

    @Test
    void aNotificationDeliveredThroughSnsIsUnwrapped() throws Exception {
        String envelope = JSON.writeValueAsString(JSON.createObjectNode().put("Type", "Notification")
                .put("MessageId", "m-1").put("TopicArn", "arn:aws:sns:us-east-1:123456789012:t")
                .put("Message", MOTO_PUT));

        assertThat(single(envelope).getId()).isEqualTo(single(MOTO_PUT).getId());
    }

    @Test
    void withAPlainBucketArnInTheSpecTheSourceIsThatArn() {
        S3SourceMessages plain = new S3SourceMessages(BucketArn.parse("arn:aws:s3:::bkt").orElseThrow(),
                "arn:aws:s3:::bkt");

        assertThat(plain.handle(Message.builder().body(MOTO_PUT).build()).events())
                .extracting(CloudEvent::getSource).containsExactly(URI.create("arn:aws:s3:::bkt"));
    }

    @Test
    void recordsOfAnotherBucketKeepThatBucketsArn() {
        String other = MOTO_PUT.replace("\"name\": \"bkt\", \"arn\": \"arn:aws:s3:::bkt\"",
                "\"name\": \"other\", \"arn\": \"arn:aws:s3:::other\"");

        assertThat(single(other).getSource()).isEqualTo(URI.create("arn:aws:s3:::other"));
    }

    @Test
    void bodiesThatAreNotS3NotificationsAreFailuresNotExceptions() {
        for (String body : new String[] {null, "", "   ", "not json", "[1,2]", "42", "{\"Records\": 3}",
                "{\"hello\": \"world\"}", "{".repeat(5000) + "}".repeat(5000),
                "{\"Type\":\"Notification\",\"TopicArn\":\"t\",\"Message\":\"{broken\"}"}) {
            MessageEvents mapped = map(body);
            assertThat(mapped.isFailure()).as(String.valueOf(body)).isTrue();
            assertThat(mapped.events()).isEmpty();
        }
    }

    @Test
    void aMessageWithABadRecordIsFailedWholeSoItReachesTheRedrivePolicyIntact() {
        String body = """
                {"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bkt"},"object":{"size":1}}},
                            %s]}""".formatted(readUnchecked(MOTO_PUT).get("Records").get(0).toString());

        MessageEvents mapped = map(body);

        assertThat(mapped.events()).isEmpty();
        assertThat(mapped.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("s3.object.key"));
    }

    @Test
    void failuresNameFieldsButNeverQuoteTheBody() {
        String secret = "AKIASECRETVALUE";
        for (String body : new String[] {
            "{\"Records\":[{\"eventName\":\"" + secret + "\",\"s3\":\"" + secret + "\"}], \"x\": \"" + secret,
            "{\"Records\":[{\"eventName\":\"x\",\"s3\":\"" + secret + "\"}]}",
            "{\"" + secret + "\": 1}"}) {
            assertThat(map(body).failure()).hasValueSatisfying(reason -> assertThat(reason).doesNotContain(secret));
        }
    }

    private static JsonNode readUnchecked(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
