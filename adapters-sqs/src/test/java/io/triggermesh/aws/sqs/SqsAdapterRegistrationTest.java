package io.triggermesh.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.adapter.AdapterLauncher;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.spi.ConnectorKind;
import org.junit.jupiter.api.Test;

/** The launcher finds exactly one adapter of this jar for every kind the plugin declares: no main class needed. */
class SqsAdapterRegistrationTest {

    @Test
    void everyKindOfThePluginHasExactlyOneAdapterForTheLauncher() throws Exception {
        for (ConnectorKind<?> kind : new SqsConnectorPlugin().kinds()) {
            String name = kind.descriptor().kind();
            KindAdapter adapter = AdapterLauncher.adapterFor(name, getClass().getClassLoader());
            assertThat(adapter.kind()).isEqualTo(name);
            assertThat(adapter.getClass().getPackageName()).startsWith("io.triggermesh.aws.sqs.");
        }
    }
}
