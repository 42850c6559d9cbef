package io.triggermesh.aws.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CloudEvent source a kind announces is the plugin's: the adapter's ARN unless the kind says otherwise. */
class ConnectorKindEventSourceTest {

    record Spec(String arn) {
    }

    private static final ObjectContext<Spec> OBJECT = new ObjectContext<>("AWSTestSource", "default", "orders", "u",
            1, new Spec("arn:aws:sqs:us-east-1:123456789012:orders"), Map.of());

    private static class ArnKind implements ConnectorKind<Spec> {
        @Override
        public KindDescriptor<Spec> descriptor() {
            return KindDescriptor.builder(Role.SOURCE, "AWSTestSource", Spec.class).emits("io.test.event").build();
        }

        @Override
        public AdapterWorkload adapter(ObjectContext<Spec> object) {
            return workload(Map.of(AdapterEnv.ARN, object.spec().arn(), "OTHER", "x"));
        }
    }

    @Test
    void byDefaultTheSourceIsTheArnTheAdapterGetsWhichIsSpecArn() {
        assertThat(new ArnKind().eventSource(OBJECT)).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
    }

    @Test
    void byDefaultAnAdapterWithoutAnArnHasAnEmptySource() {
        ConnectorKind<Spec> kind = new ArnKind() {
            @Override
            public AdapterWorkload adapter(ObjectContext<Spec> object) {
                return workload(Map.of("OTHER", "x"));
            }
        };

        assertThat(kind.eventSource(OBJECT)).isEmpty();
    }

    @Test
    void aKindThatOverridesTheHookAnnouncesItsOwnSource() {
        ConnectorKind<Spec> kind = new ArnKind() {
            @Override
            public String eventSource(ObjectContext<Spec> object) {
                return "https://example.com/queues/" + object.name();
            }
        };

        assertThat(kind.eventSource(OBJECT)).isEqualTo("https://example.com/queues/orders");
    }

    private static AdapterWorkload workload(Map<String, String> env) {
        return AdapterWorkload.source("test:latest", env);
    }
}
