package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.spi.AbstractConnectorPlugin;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.SpiVersion;
import io.triggermesh.aws.spi.api.FieldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generator adds auth, sink (sources) and adapterOverrides to every kind's CRD after the kind's own fields, and
 * refuses a spec type that declares one of them: the controller owns them for every kind.
 */
class SharedFieldsInEveryCrdTest {

    /** A spec with its own fields only, as every spec type is now. */
    record OwnSpec(@JsonPropertyDescription("The topic.") @FieldSchema(required = true) String arn) {
    }

    /** A spec that declares auth itself, as spec types used to. */
    record RedeclaringSpec(@JsonPropertyDescription("The topic.") String arn,
                           @JsonPropertyDescription("Its own idea of auth.") Map<String, String> auth) {
    }

    @Test
    void aSourcesCrdHasItsOwnFieldsThenAuthSinkAndAdapterOverrides() {
        JsonNode spec = specSchema(Role.SOURCE, OwnSpec.class);

        assertThat(names(spec.path("properties"))).containsExactly("arn", "auth", "sink", "adapterOverrides");
        assertThat(names(spec.path("required"))).containsExactly("arn", "auth", "sink");
        assertThat(spec.at("/properties/auth/properties/credentials/properties/accessKeyID/properties/value/format")
                .asText()).isEqualTo("password");
        assertThat(spec.at("/properties/sink/x-kubernetes-validations/0/message").asText())
                .isEqualTo("set exactly one of ref or uri");
    }

    @Test
    void aTargetsCrdHasNoSink() {
        JsonNode spec = specSchema(Role.TARGET, OwnSpec.class);

        assertThat(names(spec.path("properties"))).containsExactly("arn", "auth", "adapterOverrides");
        assertThat(names(spec.path("required"))).containsExactly("arn", "auth");
        assertThat(spec.at("/properties/adapterOverrides/properties/public/type").asText()).isEqualTo("boolean");
    }

    @Test
    void aSpecTypeThatDeclaresASharedFieldIsRefusedWithWhatToRemove() {
        assertThatThrownBy(() -> generate(Role.TARGET, RedeclaringSpec.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("spec.auth: " + RedeclaringSpec.class.getName() + " declares auth")
                .hasMessageContaining("remove it from the spec type");
    }

    private static JsonNode specSchema(Role role, Class<?> specType) {
        String yaml = generate(role, specType).values().iterator().next();
        return Yaml.read(yaml.substring(yaml.indexOf("---\n") + 4))
                .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    }

    private static Map<String, String> generate(Role role, Class<?> specType) {
        return new CrdGenerator().generate(List.of(plugin(role, specType)));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static <S> ConnectorPlugin plugin(Role role, Class<S> specType) {
        KindDescriptor<S> descriptor = KindDescriptor.builder(role, role == Role.SOURCE ? "AWSFakeSource"
                        : "AWSFakeTarget", specType)
                .emits("io.test.fake").accepts("*")
                .adapterPermission(IamPermission.of("Fake", List.of("sns:Publish"), "*"))
                .build();
        ConnectorKind<S> kind = new ConnectorKind<>() {
            @Override
            public KindDescriptor<S> descriptor() {
                return descriptor;
            }

            @Override
            public AdapterWorkload adapter(ObjectContext<S> object) {
                throw new UnsupportedOperationException("not used here");
            }
        };
        return new AbstractConnectorPlugin("fake", SpiVersion.CURRENT, "example.com/fake-adapter", null,
                image -> List.of(kind)) {
        };
    }
}
