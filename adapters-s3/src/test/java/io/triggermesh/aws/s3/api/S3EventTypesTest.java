package io.triggermesh.aws.s3.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.adapter.events.S3EventNotifications;
import org.junit.jupiter.api.Test;

class S3EventTypesTest {

    @Test
    void acceptsEveryEventNameAwsDocuments() {
        assertThat(S3EventTypes.ALL).contains(
                "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
                "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete",
                "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*", "s3:ObjectRestore:Post",
                "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete", "s3:ReducedRedundancyLostObject",
                "s3:Replication:*", "s3:Replication:OperationFailedReplication",
                "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
                "s3:Replication:OperationNotTracked", "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
                "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:LifecycleTransition", "s3:IntelligentTiering",
                "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put")
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("s3:"));
    }

    @Test
    void theTestEventIsNotSomethingToSubscribeTo() {
        assertThat(S3EventTypes.isKnown(S3EventTypes.TEST_EVENT)).isFalse();
    }

    @Test
    void eventNamesMapToTheirFamilysCloudEventType() {
        assertThat(S3EventTypes.cloudEventType("ObjectCreated:Put")).isEqualTo("com.amazon.s3.objectcreated");
        assertThat(S3EventTypes.cloudEventType("s3:ObjectRemoved:DeleteMarkerCreated"))
                .isEqualTo("com.amazon.s3.objectremoved");
        assertThat(S3EventTypes.cloudEventType("LifecycleTransition")).isEqualTo("com.amazon.s3.lifecycletransition");
        assertThat(S3EventTypes.cloudEventType("s3:TestEvent")).isEqualTo("com.amazon.s3.testevent");
    }

    @Test
    void everySubscribableEventHasADeclaredCloudEventType() {
        assertThat(S3EventTypes.ALL).allSatisfy(name ->
                assertThat(S3EventTypes.CLOUD_EVENT_TYPES).contains(S3EventTypes.cloudEventType(name)));
        assertThat(S3EventTypes.CLOUD_EVENT_TYPES).contains("com.amazon.s3.testevent").doesNotHaveDuplicates();
    }

    @Test
    void suggestsTheNameMeantInAnotherCaseOrWithoutPrefix() {
        assertThat(S3EventTypes.suggestion("objectremoved:*")).hasValue("s3:ObjectRemoved:*");
        assertThat(S3EventTypes.suggestion("S3:OBJECTACL:PUT")).hasValue("s3:ObjectAcl:Put");
        assertThat(S3EventTypes.suggestion("s3:ObjectMoved")).isEmpty();
    }

    @Test
    void theSourceDeclaresTheTypesTheSharedS3EventConversionEmits() {
        // The AWSSQSSource's s3 processor declares S3EventNotifications' list; both sources emit the same events.
        assertThat(S3EventTypes.CLOUD_EVENT_TYPES)
                .containsExactlyInAnyOrderElementsOf(S3EventNotifications.EVENT_TYPES);
    }
}
