package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code triggermesh.controller.identity-check=false} the controller never asks AWS about an object's
 * credentials: {@code status.auth} shows the mode and says that, and why, the identity was not checked.
 */
class IdentityCheckOffIT extends ControllerScenario {

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.identity-check", false);
    }

    @Test
    void theModeIsShownAndTheIdentityIsNotCheckedWithTheReason() {
        s3Target("unchecked", "{credentials: {accessKeyID: {value: AKIDUNCHECKED}, secretAccessKey: {value: s}}}");

        Map<String, Object> auth = await().atMost(CONVERGE)
                .until(() -> IdentityCheckIT.auth(status(TARGETS, S3_TARGET, "unchecked")), a -> !a.isEmpty());
        assertThat(auth).containsEntry("mode", "keys").doesNotContainKeys("identity", "account", "checkedAt");
        assertThat(auth.get("notChecked")).asString().startsWith("not checked")
                .contains("triggermesh.controller.identity-check=false");
    }
}
