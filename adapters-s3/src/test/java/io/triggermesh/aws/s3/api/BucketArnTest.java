package io.triggermesh.aws.s3.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketArnTest {

    @Test
    void plainBucketArnHasNoRegionOrAccount() {
        BucketArn arn = BucketArn.parse("arn:aws:s3:::my-bucket").orElseThrow();
        assertThat(arn.bucket()).isEqualTo("my-bucket");
        assertThat(arn.knownRegion()).isEmpty();
        assertThat(arn.knownAccountId()).isEmpty();
        assertThat(arn.iamArn()).isEqualTo("arn:aws:s3:::my-bucket");
    }

    @Test
    void regionAndAccountAreReadWhenGiven() {
        BucketArn arn = BucketArn.parse("arn:aws:s3:us-west-2:123456789012:my-bucket").orElseThrow();
        assertThat(arn.knownRegion()).hasValue("us-west-2");
        assertThat(arn.knownAccountId()).hasValue("123456789012");
        assertThat(arn.iamArn()).isEqualTo("arn:aws:s3:::my-bucket");
        assertThat(arn).hasToString("arn:aws:s3:us-west-2:123456789012:my-bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:s3:::abc", "arn:aws-cn:s3:::a.b-c", "arn:aws-us-gov:s3:::123",
            "arn:aws:s3:::" + "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsValidBucketsInEveryPartition(String text) {
        assertThat(BucketArn.parse(text)).isPresent();
        assertThat(BucketArn.problem(text, "AWSS3Target")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ab|3 to 63 characters",
        "a234567890123456789012345678901234567890123456789012345678901234|3 to 63 characters",
        "My-Bucket|uppercase",
        "my_bucket|other than lowercase",
        "-bucket|start and end with a letter or digit",
        "bucket.|start and end with a letter or digit",
        "my..bucket|two adjacent periods",
        "192.168.5.4|IP address",
        "xn--bucket|prefix S3 reserves",
        "sthree-bucket|prefix S3 reserves",
        "bucket-s3alias|suffix S3 reserves",
        "bucket--ol-s3|suffix S3 reserves"})
    void bucketNameRulesAreExplained(String bucket, String reason) {
        String text = "arn:aws:s3:::" + bucket;
        assertThat(BucketArn.parse(text)).isEmpty();
        assertThat(BucketArn.problem(text, "AWSS3Source")).hasValueSatisfying(
                m -> assertThat(m).startsWith("names bucket '" + bucket + "'").contains(reason));
    }

    @Test
    void otherServicesArnsAreNamed() {
        assertThat(BucketArn.problem("arn:aws:sqs:us-east-1:123456789012:q", "AWSS3Source")).hasValue(
                "is an SQS queue ARN; AWSS3Source needs an S3 bucket ARN such as arn:aws:s3:::my-bucket");
        assertThat(BucketArn.problem("arn:aws:iam::123456789012:role/r", "AWSS3Target")).hasValueSatisfying(
                m -> assertThat(m).startsWith("is an IAM ARN;"));
    }

    @Test
    void objectArnPointsToItsBucket() {
        assertThat(BucketArn.problem("arn:aws:s3:::photos/2024/a.jpg", "AWSS3Target")).hasValue(
                "is an S3 object ARN; AWSS3Target needs the bucket's ARN, arn:aws:s3:::photos");
    }
}
