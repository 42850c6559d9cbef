package io.triggermesh.aws.s3.adapter.target;

import io.triggermesh.aws.s3.api.BucketArn;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * PutObject into the target's bucket. When the bucket ARN names the owner account, it is sent as the expected bucket
 * owner, so a bucket of the same name in another account is never written to.
 */
final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final BucketArn bucket;

    S3ObjectStore(S3Client s3, BucketArn bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Stored put(String key, ObjectBody body) {
        PutObjectResponse response = s3.putObject(r -> r.bucket(bucket.bucket()).key(key)
                        .contentType(body.contentType())
                        .expectedBucketOwner(bucket.knownAccountId().orElse(null)),
                RequestBody.fromBytes(body.bytes()));
        return new Stored(response.eTag(), Optional.ofNullable(response.versionId()));
    }
}
