package io.triggermesh.aws.auth.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleArnTest {

    @Test
    void parsesRoleArnsOfTheAwsChinaAndGovCloudPartitions() {
        assertThat(RoleArn.parse("arn:aws:iam::123456789012:role/aws-s3-target-role"))
                .contains(new RoleArn("aws", "123456789012", "aws-s3-target-role"));
        assertThat(RoleArn.parse("arn:aws-cn:iam::123456789012:role/r"))
                .contains(new RoleArn("aws-cn", "123456789012", "r"));
        assertThat(RoleArn.parse("arn:aws-us-gov:iam::123456789012:role/r"))
                .contains(new RoleArn("aws-us-gov", "123456789012", "r"));
    }

    @Test
    void roleNameIsTheLastSegmentOfARolePath() {
        assertThat(RoleArn.parse("arn:aws:iam::123456789012:role/service-role/team/s3-target"))
                .map(RoleArn::roleName).contains("s3-target");
    }

    @Test
    void rejectsWhatIsNotARoleArn() {
        List<String> rejected = List.of(
                "arn:aws-iso:iam::123456789012:role/r",
                "arn:aws:iam::12345678901:role/r",
                "arn:aws:iam::1234567890123:role/r",
                "arn:aws:iam::123456789012:user/alice",
                "arn:aws:iam::123456789012:role/",
                "arn:aws:s3:::test-bucket",
                "<role arn>",
                "");
        for (String arn : rejected) {
            assertThat(RoleArn.parse(arn)).as(arn).isEmpty();
        }
        assertThat(RoleArn.parse(null)).isEmpty();
    }

    @Test
    void parseAcceptsExactlyWhatTheOriginalPatternAccepts() {
        List<String> samples = List.of("arn:aws:iam::123456789012:role/r", "arn:aws-cn:iam::123456789012:role/a/b",
                "arn:aws-us-gov:iam::123456789012:role/x y", "arn:aws-iso:iam::123456789012:role/r",
                "arn:aws:iam::12345678901:role/r", "arn:aws:iam::123456789012:role/", "arn:aws:iam:x:123456789012:role/r",
                "arn:aws:iam::123456789012:user/r", "arn:awscn:iam::123456789012:role/r", "arn:aws:iam::123456789012:role/r\n");
        for (String arn : samples) {
            assertThat(RoleArn.parse(arn).isPresent()).as(arn).isEqualTo(arn.matches(RoleArn.PATTERN));
        }
    }
}
