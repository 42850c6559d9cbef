package io.triggermesh.aws.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The identity check's STS calls are bounded: against an STS that accepts connections and never answers, the check
 * gives up within its call timeout instead of the SDK's 30 s socket timeout times three attempts.
 */
class IdentityCheckTimeoutsTest {

    private static final OwnerObject OWNER = new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source",
            "team-a", "orders", "uid-1");
    private static final Credentials KEYS = Credentials.keys(ValueSource.literal("AKIAEXAMPLE"),
            ValueSource.literal("secret"));

    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentSts() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());  // read nothing, answer nothing
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-sts");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void aRoleHopAgainstASilentStsGivesUpWithinTheChecksCallTimeout() {
        ObjectCredentials check = credentials(StsOptions.DEFAULT).forIdentityChecks();
        AwsAuth hop = AwsAuth.ofCredentials(KEYS.withAssumeRole("arn:aws:iam::111111111111:role/x", null));
        Instant start = Instant.now();
        try (ResolvedIdentity identity = check.resolve(OWNER, hop, null)) {
            assertThatThrownBy(() -> check.callerIdentity(identity))
                    .isInstanceOfSatisfying(IdentityCheckException.class,
                            e -> assertThat(e.step()).isEqualTo(IdentityCheckException.Step.CHAIN));
        }
        assertThat(Duration.between(start, Instant.now()))
                .isLessThan(StsOptions.CallTimeouts.IDENTITY_CHECK.call().plusSeconds(5));
    }

    @Test
    void getCallerIdentityAgainstASilentStsGivesUpWithinTheCallTimeout() {
        ObjectCredentials check = credentials(StsOptions.DEFAULT.withCallTimeouts(
                new StsOptions.CallTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))));
        Instant start = Instant.now();
        try (ResolvedIdentity identity = check.resolve(OWNER, AwsAuth.ofCredentials(KEYS), null)) {
            assertThatThrownBy(() -> check.callerIdentity(identity))
                    .isInstanceOfSatisfying(IdentityCheckException.class,
                            e -> assertThat(e.step()).isEqualTo(IdentityCheckException.Step.GET_CALLER_IDENTITY));
        }
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(6));
    }

    private ObjectCredentials credentials(StsOptions options) {
        AwsEndpoints endpoints = AwsEndpoints.of(Region.US_EAST_1)
                .withGlobalEndpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()));
        return new ObjectCredentials((ns, name, key) -> Optional.empty(),
                (ns, sa, audience, lifetime) -> "token", endpoints, IdentityChoice.OBJECT_IDENTITY_ONLY, options);
    }
}
