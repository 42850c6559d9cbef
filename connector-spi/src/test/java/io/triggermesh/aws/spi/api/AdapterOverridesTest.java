package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterOverridesTest {

    private static final String PATH = "spec.adapterOverrides";

    private static List<Problem> problems(AdapterOverrides overrides) {
        return AdapterOverrides.problemsOf(overrides, PATH);
    }

    private static AdapterOverrides withEnv(String name) {
        return new AdapterOverrides(null, List.of(new AdapterOverrides.Env(name, "v")), null, null, null, null, null);
    }

    private static AdapterOverrides withToleration(AdapterOverrides.Toleration t) {
        return new AdapterOverrides(null, null, null, null, null, null, List.of(t));
    }

    @Test
    void completeValidOverridesHaveNoProblems() {
        AdapterOverrides overrides = new AdapterOverrides(true,
                List.of(new AdapterOverrides.Env("LOG_LEVEL", "debug")),
                new AdapterOverrides.Resources(Map.of("cpu", "100m", "memory", "128Mi"), Map.of("memory", "1Gi")),
                Map.of("team", "data", "example.com/tier", "gold"),
                Map.of("example.com/note", "any text, even with spaces"),
                Map.of("kubernetes.io/os", "linux"),
                List.of(new AdapterOverrides.Toleration("dedicated", "Equal", "events", "NoExecute", 60L),
                        new AdapterOverrides.Toleration(null, "Exists", null, null, null)));

        assertThat(problems(overrides)).isEmpty();
        assertThat(problems(null)).isEmpty();
        assertThat(overrides.exposedPublicly()).isTrue();
        assertThat(AdapterOverrides.none().exposedPublicly()).isFalse();
    }

    @Test
    void credentialVariablesCannotBeOverridden() {
        assertThat(problems(withEnv("AWS_SECRET_ACCESS_KEY"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(PATH + ".env[0].name");
            assertThat(p.message()).contains("spec.auth");
        });
    }

    @Test
    void variablesThatChangeIdentityOrCodeCannotBeOverridden() {
        for (String name : List.of("AWS_ROLE_ARN", "AWS_ENDPOINT_URL", "AWS_PROFILE", "JAVA_TOOL_OPTIONS",
                "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "LD_PRELOAD", "NAME", "NAMESPACE", "KIND", "K_SINK")) {
            assertThat(problems(withEnv(name))).as(name).singleElement()
                    .satisfies(p -> assertThat(p.path()).isEqualTo(PATH + ".env[0].name"));
        }
    }

    @Test
    void envNamesMustBeValid() {
        assertThat(problems(withEnv("1ABC"))).extracting(Problem::path).containsExactly(PATH + ".env[0].name");
        assertThat(problems(withEnv(""))).extracting(Problem::message).containsExactly("is required");
    }

    @Test
    void resourceQuantitiesMustBeKubernetesQuantities() {
        AdapterOverrides overrides = new AdapterOverrides(null, null,
                new AdapterOverrides.Resources(Map.of("cpu", "a lot"), Map.of("memory", "1 GB")),
                null, null, null, null);
        assertThat(problems(overrides)).extracting(Problem::path)
                .containsExactly(PATH + ".resources.requests.cpu", PATH + ".resources.limits.memory");
    }

    @Test
    void malformedAndNegativeQuantitiesAreRefusedWithAnExample() {
        AdapterOverrides overrides = new AdapterOverrides(null, null, new AdapterOverrides.Resources(
                Map.of("memory", "1.2.3Gi", "cpu", "-5", "ephemeral-storage", "1eKi"), null), null, null, null, null);

        assertThat(problems(overrides)).extracting(Problem::path).containsExactly(
                PATH + ".resources.requests.cpu", PATH + ".resources.requests.ephemeral-storage",
                PATH + ".resources.requests.memory");
        assertThat(problems(overrides)).allSatisfy(p -> assertThat(p.message()).contains("128Mi"));
        assertThat(problems(overrides).get(0).message()).startsWith("'-5' is negative");
    }

    @Test
    void everyQuantityFormKubernetesAcceptsIsAccepted() {
        AdapterOverrides overrides = new AdapterOverrides(null, null, new AdapterOverrides.Resources(
                Map.of("cpu", "0.5", "memory", "1e3", "a", ".5", "b", "5.", "c", "+1k", "d", "2E", "e", "3E-2"),
                Map.of("cpu", "1", "memory", "1Ki")), null, null, null, null);

        assertThat(problems(overrides)).isEmpty();
    }

    @Test
    void aRequestLargerThanItsLimitIsRefused() {
        AdapterOverrides overrides = new AdapterOverrides(null, null, new AdapterOverrides.Resources(
                Map.of("memory", "2Gi", "cpu", "500m"), Map.of("memory", "1024Mi", "cpu", "0.5")),
                null, null, null, null);

        assertThat(problems(overrides)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(PATH + ".resources.requests.memory");
            assertThat(p.message()).contains("'2Gi' is more than the limit '1024Mi'");
        });
    }

    @Test
    void annotationsLargerThanKubernetesAllowsAreRefused() {
        AdapterOverrides overrides = new AdapterOverrides(null, null, null, null,
                Map.of("a", "x".repeat(196 * 1024), "b", "y".repeat(60 * 1024)), null, null);

        assertThat(problems(overrides)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(PATH + ".annotations");
            assertThat(p.message()).contains("262146 bytes").contains("262144");
        });
    }

    @Test
    void annotationKeyPrefixIsADnsSubdomainOfAtMost253Characters() {
        String longPrefix = ("a".repeat(60) + ".").repeat(5) + "io/key";
        AdapterOverrides overrides = new AdapterOverrides(null, null, null, null,
                Map.of(longPrefix, "v", "ok.example.com/key", "v"), null, null);

        assertThat(problems(overrides)).extracting(Problem::path).containsExactly(PATH + ".annotations." + longPrefix);
    }

    @Test
    void echoedKeysAreQuotedAndCannotForgeLines() {
        AdapterOverrides overrides = new AdapterOverrides(null, null, null,
                Map.of("x\r\ninvalid  forged\u001b[31m", "v"), null, null, null);

        assertThat(problems(overrides)).singleElement().satisfies(p -> {
            assertThat(p.toString()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b");
            assertThat(p.message()).startsWith("'x\\r\\ninvalid  forged\\u001b[31m' is not a valid key");
        });
    }

    @Test
    void labelKeysAndValuesFollowKubernetesSyntax() {
        AdapterOverrides overrides = new AdapterOverrides(null, null, null,
                Map.of("bad key", "v", "ok", "bad value!"), Map.of("fine/key", "values may be anything"),
                Map.of("-x", "y"), null);
        assertThat(problems(overrides)).extracting(Problem::path).containsExactly(
                PATH + ".labels.bad key", PATH + ".labels.ok", PATH + ".nodeSelector.-x");
    }

    @Test
    void tolerationOperatorMustBeEqualOrExists() {
        assertThat(problems(withToleration(new AdapterOverrides.Toleration("k", "Like", "v", null, null))))
                .extracting(Problem::path).containsExactly(PATH + ".tolerations[0].operator");
    }

    @Test
    void existsTolerationHasNoValue() {
        assertThat(problems(withToleration(new AdapterOverrides.Toleration("k", "Exists", "v", null, null))))
                .extracting(Problem::path).containsExactly(PATH + ".tolerations[0].value");
    }

    @Test
    void equalTolerationNeedsAKey() {
        assertThat(problems(withToleration(new AdapterOverrides.Toleration(null, null, "v", null, null))))
                .extracting(Problem::path).containsExactly(PATH + ".tolerations[0].key");
    }

    @Test
    void tolerationEffectMustBeATaintEffect() {
        assertThat(problems(withToleration(new AdapterOverrides.Toleration("k", null, "v", "Never", null))))
                .extracting(Problem::path).containsExactly(PATH + ".tolerations[0].effect");
    }

    @Test
    void tolerationSecondsOnlyWithNoExecute() {
        assertThat(problems(withToleration(new AdapterOverrides.Toleration("k", null, "v", "NoSchedule", 5L))))
                .extracting(Problem::path).containsExactly(PATH + ".tolerations[0].tolerationSeconds");
    }

    @Test
    void toStringNeverPrintsEnvValues() {
        AdapterOverrides overrides = new AdapterOverrides(null,
                List.of(new AdapterOverrides.Env("TOKEN", "hunter2-secret")), null, null, null, null, null);
        assertThat(overrides.toString()).contains("TOKEN").doesNotContain("hunter2-secret");
    }
}
