package io.triggermesh.aws.controller.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.Sha256;
import org.junit.jupiter.api.Test;

class AdapterNamesTest {

    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    @Test
    void namesThatNeedNoManglingStayExactlyAsBefore() {
        // Existing installs keep their Deployments and Services: these names must never change.
        assertThat(AdapterNames.workload(target("orders"))).isEqualTo("awssqstarget-orders");
        assertThat(AdapterNames.workload(target("x-y"))).isEqualTo("awssqstarget-x-y");
        assertThat(AdapterNames.workload(source("my-source-1"))).isEqualTo("awss3source-my-source-1");
        String longest = "n".repeat(63 - "awssqstarget-".length());
        assertThat(AdapterNames.workload(target(longest))).isEqualTo("awssqstarget-" + longest);
    }

    @Test
    void longUndottedNamesKeepTheirEarlierCutAndHash() {
        String name = "a-very-long-target-name-that-goes-on-and-on-well-past-the-label-limit";
        String plain = "awssqstarget-" + name;

        // What every earlier version named it: cut at 54, trailing '-' dropped, hash of the whole plain name.
        assertThat(AdapterNames.workload(target(name)))
                .isEqualTo("awssqstarget-a-very-long-target-name-that-goes-on-and-b4269d14")
                .endsWith(Sha256.hex(plain).substring(0, 8));
        assertThat(AdapterNames.previousWorkload(target(name))).isEmpty();
    }

    @Test
    void dottedAndDashedNamesGetDifferentWorkloads() {
        String dotted = AdapterNames.workload(target("x.y"));
        String dashed = AdapterNames.workload(target("x-y"));

        assertThat(dotted).isNotEqualTo(dashed)
                .isEqualTo("awssqstarget-x-y-" + Sha256.hex("awssqstarget-x.y").substring(0, 8))
                .matches(DNS_LABEL);
        assertThat(AdapterNames.workload(target("x.y"))).as("stable").isEqualTo(dotted);
    }

    @Test
    void longDottedAndDashedNamesStillDiffer() {
        String stem = "b".repeat(30) + "%s" + "c".repeat(40);
        String dotted = AdapterNames.workload(target(stem.formatted(".")));
        String dashed = AdapterNames.workload(target(stem.formatted("-")));

        assertThat(dotted).isNotEqualTo(dashed).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
        assertThat(dashed).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
    }

    @Test
    void dottedNamesRememberTheirEarlierWorkloadNameForCleanup() {
        assertThat(AdapterNames.previousWorkload(target("x.y"))).contains("awssqstarget-x-y");
        assertThat(AdapterNames.previousWorkload(target("x-y"))).isEmpty();
    }

    private static OwnerObject target(String name) {
        return new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSSQSTarget", "team-a", name, "uid-" + name);
    }

    private static OwnerObject source(String name) {
        return new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source", "team-a", name, "uid-" + name);
    }
}
