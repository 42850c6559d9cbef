package io.triggermesh.aws.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter environment contract, defined once: each name is spelled exactly as its constant. */
class AdapterEnvTest {

    @Test
    void everyVariableIsNamedExactlyAsItsConstant() throws IllegalAccessException {
        List<Field> names = Arrays.stream(AdapterEnv.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(23);
        for (Field field : names) {
            assertThat(field.get(null)).as(field.getName()).isEqualTo(field.getName());
        }
    }

    @Test
    void theControllersVariablesAndTheStaticCredentialsAreTheContractsSets() {
        assertThat(AdapterEnv.SET_BY_CONTROLLER).containsExactlyInAnyOrder("NAME", "NAMESPACE", "KIND", "K_SINK");
        assertThat(AdapterEnv.STATIC_CREDENTIALS)
                .containsExactlyInAnyOrder("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    }
}
