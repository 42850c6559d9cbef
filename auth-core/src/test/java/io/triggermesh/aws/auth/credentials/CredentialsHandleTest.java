package io.triggermesh.aws.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

class CredentialsHandleTest {

    @Test
    void closesWhatItOwnsInReverseCreationOrderOnce() {
        List<String> closed = new ArrayList<>();
        CredentialsHandle handle = new CredentialsHandle(AnonymousCredentialsProvider.create(), "test",
                List.of(() -> closed.add("sts client"), () -> closed.add("provider")));

        handle.close();
        handle.close();

        assertThat(closed).containsExactly("provider", "sts client");
    }

    @Test
    void aFailingPartDoesNotKeepTheOthersOpen() {
        List<String> closed = new ArrayList<>();
        CredentialsHandle handle = new CredentialsHandle(AnonymousCredentialsProvider.create(), "test",
                List.of(() -> closed.add("first"), () -> {
                    throw new IllegalStateException("boom");
                }));

        assertThatThrownBy(handle::close).hasMessage("closing credentials (test) failed").hasRootCauseMessage("boom");
        assertThat(closed).containsExactly("first");
    }

    @Test
    void unownedHandlesCloseNothing() {
        CredentialsHandle handle = CredentialsHandle.unowned(AnonymousCredentialsProvider.create(), "anonymous");

        handle.close();

        assertThat(handle.provider().resolveCredentials()).isNotNull();
        assertThat(handle).hasToString("CredentialsHandle[anonymous]");
    }
}
