package io.triggermesh.aws.s3.adapter.target;

import java.util.Optional;

/** Where the target writes objects: the bucket in production, a fake in unit tests. */
@FunctionalInterface
public interface ObjectStore {

    /**
     * Writes one object, replacing any object with the same key.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when AWS refused or could not be reached
     */
    Stored put(String key, ObjectBody body);

    /**
     * What S3 reported for a written object.
     *
     * @param eTag the object's ETag, as S3 returned it
     * @param versionId the version, when the bucket is versioned
     */
    record Stored(String eTag, Optional<String> versionId) {
    }
}
