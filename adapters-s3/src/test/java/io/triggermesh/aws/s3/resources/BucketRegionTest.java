package io.triggermesh.aws.s3.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketRegionTest {

    @Test
    void bucketsWithoutLocationConstraintAreInUsEast1() {
        assertThat(BucketRegion.fromLocationConstraint(null)).isEqualTo("us-east-1");
        assertThat(BucketRegion.fromLocationConstraint("")).isEqualTo("us-east-1");
    }

    @Test
    void theLegacyEuConstraintIsEuWest1() {
        assertThat(BucketRegion.fromLocationConstraint("EU")).isEqualTo("eu-west-1");
    }

    @Test
    void otherConstraintsAreTheRegion() {
        assertThat(BucketRegion.fromLocationConstraint("ap-southeast-2")).isEqualTo("ap-southeast-2");
    }
}
