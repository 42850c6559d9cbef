package io.triggermesh.aws.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterWorkloadTest {

    /**
     * Every public method is SPI a plugin may call and a later version must keep: the workload offers only what
     * the controller reads (the record's components, whether it receives HTTP) and its two factories.
     */
    @Test
    void theWorkloadOffersOnlyWhatTheControllerReads() {
        assertThat(Arrays.stream(AdapterWorkload.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName))
                .containsExactlyInAnyOrder("image", "env", "httpPort", "receivesHttp", "source", "target",
                        "equals", "hashCode", "toString");
    }

    @Test
    void aTargetReceivesHttpAndASourceDoesNot() {
        assertThat(AdapterWorkload.target("img", Map.of("ARN", "a"), 8080).receivesHttp()).isTrue();
        assertThat(AdapterWorkload.source("img", Map.of("ARN", "a")).receivesHttp()).isFalse();
    }
}
