package io.triggermesh.aws.auth.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.AdapterEnv;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** auth-core's names are the SPI's contract, not a second spelling of it. */
class AdapterEnvNamesTest {

    @Test
    void everyNameIsTheSpisOwn() throws ReflectiveOperationException {
        for (Field field : AdapterEnvNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(field.get(null)).as(field.getName())
                        .isSameAs(AdapterEnv.class.getField(field.getName()).get(null));
            }
        }
    }
}
