package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.triggermesh.aws.spi.AbstractConnectorPlugin;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit refuses a plugin whose spec type declares a field the controller owns for every kind. */
class SpecTypesDeclareOnlyTheirOwnFieldsTest {

    /** A spec that brings its own auth and (under another Java name) adapterOverrides, as specs used to. */
    record RedeclaringSpec(String arn, Map<String, Object> auth,
                           @JsonProperty("adapterOverrides") Map<String, Object> overrides) {
    }

    /** A target whose spec has a field named sink: not a shared field of targets, so allowed. */
    record OwnFieldsSpec(String arn, String sink) {
    }

    @Test
    void aSpecTypeThatRedeclaresSharedFieldsFailsWithWhatToRemove() {
        Contract contract = new Contract(Role.SOURCE, RedeclaringSpec.class);

        assertThatThrownBy(contract::specTypesDeclareOnlyTheirOwnFields)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AWSFakeSource: spec type " + RedeclaringSpec.class.getName()
                        + " declares [auth, adapterOverrides]")
                .hasMessageContaining("the controller owns")
                .hasMessageContaining("Remove them from RedeclaringSpec");
    }

    @Test
    void aSpecTypeWithOnlyItsOwnFieldsPasses() {
        assertThatCode(new Contract(Role.TARGET, OwnFieldsSpec.class)::specTypesDeclareOnlyTheirOwnFields)
                .doesNotThrowAnyException();
    }

    @Test
    void sinkIsASharedFieldOfSourcesOnly() {
        assertThatThrownBy(new Contract(Role.SOURCE, OwnFieldsSpec.class)::specTypesDeclareOnlyTheirOwnFields)
                .hasMessageContaining("declares [sink]").hasMessageContaining("Remove it from OwnFieldsSpec");
    }

    /** The contract applied to a one-kind fake plugin. */
    private static final class Contract extends ConnectorContractTest {

        private final ConnectorPlugin plugin;

        Contract(Role role, Class<?> specType) {
            this.plugin = fakePlugin(role, specType);
        }

        @Override
        protected ConnectorPlugin plugin() {
            return plugin;
        }

        @Override
        protected Object sampleSpec(String kind) {
            throw new UnsupportedOperationException("not used here");
        }
    }

    private static <S> ConnectorPlugin fakePlugin(Role role, Class<S> specType) {
        String kindName = role == Role.SOURCE ? "AWSFakeSource" : "AWSFakeTarget";
        KindDescriptor<S> descriptor = KindDescriptor.builder(role, kindName, specType)
                .emits("io.test.fake").accepts("*")
                .adapterPermission(IamPermission.of("Fake", List.of("sqs:SendMessage"), "*"))
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
