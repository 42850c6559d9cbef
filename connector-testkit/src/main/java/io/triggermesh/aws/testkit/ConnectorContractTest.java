package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.SharedSpecFields;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Descriptor checks every connector must pass. A connector module extends this class in its tests and returns its
 * plugin and, per kind, a sample spec whose sensitive fields hold {@link #CANARY}.
 */
public abstract class ConnectorContractTest {

    /** A value that must never appear in any rendered output; put it in every sensitive field of a sample spec. */
    public static final String CANARY = "CANARY-d0-not-leak-7f3a";

    private static final Pattern ARN_OR_STAR = ContractChecks.ARN_OR_STAR;
    private static final Pattern KIND = Pattern.compile("^[A-Z][A-Za-z0-9]*$");
    private static final Pattern PLURAL = Pattern.compile("^[a-z][a-z0-9]*$");

    /** The plugin under test, constructed as the controller would (public no-arg constructor). */
    protected abstract ConnectorPlugin plugin();

    /**
     * A valid spec for the kind whose sensitive fields (if any) contain {@link #CANARY}: the kind's own fields only
     * ({@code auth}, {@code sink} and {@code adapterOverrides} are the controller's).
     */
    protected abstract Object sampleSpec(String kind);

    @Test
    void pluginIsRegisteredForServiceLoader() {
        List<String> found = ServiceLoader.load(ConnectorPlugin.class).stream()
                .map(ServiceLoader.Provider::type)
                .map(Class::getName)
                .toList();
        assertThat(found).as("META-INF/services/%s", ConnectorPlugin.class.getName())
                .contains(plugin().getClass().getName());
    }

    @Test
    void pluginDeclaresNameVersionAndCompatibleSpi() {
        ConnectorPlugin plugin = plugin();
        assertThat(plugin.name()).matches("[a-z][a-z0-9-]*");
        assertThat(plugin.version()).isNotBlank();
        assertThat(SpiVersion.isCompatible(plugin.spiVersion())).isTrue();
        assertThat(plugin.kinds()).isNotEmpty();
    }

    @Test
    void kindsAreWellFormedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (ConnectorKind<?> kind : plugin().kinds()) {
            KindDescriptor<?> d = kind.descriptor();
            assertThat(d.kind()).matches(KIND);
            assertThat(d.plural()).matches(PLURAL);
            assertThat(d.version()).matches("v[0-9]+((alpha|beta)[0-9]+)?");
            assertThat(seen.add(d.group() + "/" + d.kind())).as("duplicate kind %s", d.kind()).isTrue();
            assertThat(kind.descriptor()).as("descriptor() must be stable").isEqualTo(d);
        }
    }

    @Test
    void everyKindDeclaresAdapterPermissionsWithValidArnTemplates() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            KindDescriptor<?> d = kind.descriptor();
            assertThat(d.adapterPermissions()).as("%s adapter permissions", d.kind()).isNotEmpty();
            assertResourcesValid(d.kind(), d.adapterPermissions());
            assertResourcesValid(d.kind(), d.controllerPermissions());
        }
    }

    @Test
    void sourcesEmitAndTargetsAcceptEventTypes() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            KindDescriptor<?> d = kind.descriptor();
            switch (d.role()) {
                case SOURCE -> assertThat(d.emittedEventTypes()).as("%s emits", d.kind()).isNotEmpty();
                case TARGET -> assertThat(d.acceptedEventTypes()).as("%s accepts", d.kind()).isNotEmpty();
                default -> throw new AssertionError(d.role());
            }
        }
    }

    /**
     * The controller owns {@code auth}, {@code sink} and {@code adapterOverrides} ({@link SharedSpecFields}): it reads
     * and checks them for every kind and removes them before binding the spec type, and the CRD generator adds their
     * schemas. A spec type that declares one of them again would never see a value there and would document a second,
     * possibly different, shape of it.
     */
    @Test
    void specTypesDeclareOnlyTheirOwnFields() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            KindDescriptor<?> d = kind.descriptor();
            List<String> shared = SpecShapes.sharedFieldsDeclaredBy(d.specType(), d.role());
            assertThat(shared).as("%s: spec type %s declares %s, which every kind shares and the controller owns: it"
                            + " reads and checks spec.auth, spec.sink (sources) and spec.adapterOverrides itself,"
                            + " removes them before binding the spec type, and the CRD generator adds their schemas."
                            + " Remove %s from %s", d.kind(), d.specType().getName(), shared,
                    shared.size() == 1 ? "it" : "them", d.specType().getSimpleName())
                    .isEmpty();
        }
    }

    @Test
    void sampleSpecsAreValidAndRedactSensitiveFields() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            Object spec = sampleSpec(kind.descriptor().kind());
            assertThat(spec).isInstanceOf(kind.descriptor().specType());
            assertThat(validate(kind, spec)).as("%s sample spec problems", kind.descriptor().kind()).isEmpty();
            assertThat(String.valueOf(spec)).as("%s toString", kind.descriptor().kind()).doesNotContain(CANARY);
        }
    }

    /**
     * The plugin's own status fields for the sample of {@code kind}, as {@code ensureResources} would have published
     * them before the controller calls {@code adapter}; empty by default (kinds that manage no AWS resources).
     */
    protected Map<String, String> sampleStatus(String kind) {
        return Map.of();
    }

    /**
     * A complete object of {@code kind} as a user writes it ({@code apiVersion}, {@code kind}, {@code metadata},
     * {@code spec} with {@code auth}); by default the YAML file {@code examples/<kind>.yaml} on the test class path.
     */
    protected JsonNode exampleManifest(String kind) {
        return Manifests.example(getClass(), kind);
    }

    /**
     * adapter() is deterministic for the sample, declares a port exactly for targets, and sets none of the variables
     * the controller owns: the common ones, credentials and every other {@code AWS_*} but the region.
     */
    @Test
    void adapterWorkloadFollowsTheSharedRules() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            String name = kind.descriptor().kind();
            assertThat(ContractChecks.workloadProblems(kind, sampleSpec(name), sampleStatus(name)))
                    .as("%s adapter workload", name).isEmpty();
        }
    }

    /** The sample's own permissions resolve, with permissionValues(), to valid ARNs without secrets. */
    @Test
    void permissionsOfTheSampleResolveToValidArns() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            String name = kind.descriptor().kind();
            assertThat(ContractChecks.permissionProblems(kind, sampleSpec(name), sampleStatus(name)))
                    .as("%s permissions of the sample", name).isEmpty();
        }
    }

    /** The CRD generator (the crd-generator module) describes every kind of the plugin. */
    @Test
    void crdGeneratorDescribesEveryKind() {
        assertThat(ContractChecks.crdProblems(plugin())).as("CRDs of plugin %s", plugin().name()).isEmpty();
    }

    /** The example manifest binds to the spec type as the controller binds it, is valid, and reads back unchanged. */
    @Test
    void exampleManifestRoundTripsThroughTheSpecType() {
        for (ConnectorKind<?> kind : plugin().kinds()) {
            String name = kind.descriptor().kind();
            assertThat(ContractChecks.manifestProblems(kind, exampleManifest(name)))
                    .as("%s example manifest", name).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> List<?> validate(ConnectorKind<S> kind, Object spec) {
        return kind.validate((S) spec);
    }

    private static void assertResourcesValid(String kind, List<IamPermission> permissions) {
        for (IamPermission p : permissions) {
            for (String resource : p.resolve(Map.of()).resources()) {
                assertThat(resource).as("%s statement %s resource", kind, p.sid()).matches(ARN_OR_STAR);
            }
        }
    }
}
