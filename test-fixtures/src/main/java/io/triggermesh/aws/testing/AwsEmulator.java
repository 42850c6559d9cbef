package io.triggermesh.aws.testing;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * Handle on the AWS emulator a test talks to. Point SDK clients at {@link #endpoint()} with {@code endpointOverride},
 * use {@link #region()} and {@link #rootCredentialsProvider()}.
 *
 * <p>There is one emulator per JVM, shared by every test class ({@link #shared()} or {@link AwsEmulatorExtension}).
 * State therefore survives between tests unless a test calls {@link #reset()}; prefer unique resource names anyway.
 */
public final class AwsEmulator {

    /** The account moto (and, with {@link #rootCredentials()}, LocalStack) puts resources in. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    /** The region tests use. The emulators accept any region; one fixed value keeps ARNs predictable. */
    public static final String REGION = "us-east-1";

    /** moto: request header that runs one request in another account (any 12 digits). */
    public static final String MOTO_ACCOUNT_HEADER = "x-moto-account-id";

    /** What serves {@link #endpoint()}. */
    public enum Kind {
        /** {@code moto_server}, started by this fixture or found at an explicit endpoint. */
        MOTO,
        /** LocalStack, started through Testcontainers or found at an explicit endpoint. */
        LOCALSTACK,
        /** An explicit endpoint that is neither recognisably moto nor LocalStack. */
        EXTERNAL
    }

    private final Kind kind;
    private final URI endpoint;

    AwsEmulator(Kind kind, URI endpoint) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * The JVM-wide emulator, started on first use. Without an emulator the calling test is skipped with a message
     * saying what to install, or fails when {@code CI=true}.
     */
    public static AwsEmulator shared() {
        return SharedEmulator.RESOLUTION.emulatorOrAbort();
    }

    /** Base URL for {@code endpointOverride}, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** Always {@value #REGION}. */
    public String region() {
        return REGION;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMoto() {
        return kind == Kind.MOTO;
    }

    /** Skips the calling test (a JUnit assumption) unless the emulator is moto; for tests of moto-only features. */
    public void assumeMoto() {
        Assumptions.assumeTrue(isMoto(),
                () -> "needs moto-only features (reset-auth, x-moto-account-id); the emulator here is " + this);
    }

    /**
     * Clears all state. moto: every account, guaranteed ({@code POST /moto-api/reset}); a failure throws.
     * LocalStack: best effort through its state-reset endpoint, whose support varies by image, so failures are
     * ignored. EXTERNAL: nothing (the fixture does not know how).
     */
    public void reset() {
        switch (kind) {
            case MOTO -> EmulatorHttp.postExpectingOk(endpoint.resolve("/moto-api/reset"), "");
            case LOCALSTACK -> EmulatorHttp.postIgnoringFailure(endpoint.resolve("/_localstack/state/reset"));
            case EXTERNAL -> { }
        }
    }

    /**
     * moto: from now on unknown keys are rejected and IAM policies are evaluated. Skips the calling test on other
     * emulators. The emulator is shared: pair with {@link #disableIamEnforcement()} in a finally or
     * {@code @AfterEach}.
     */
    public void enableIamEnforcement() {
        assumeMoto();
        setMotoNoAuthActionCount("0");
    }

    /** moto: back to accepting any key (the default). Nothing to do on other emulators. */
    public void disableIamEnforcement() {
        if (isMoto()) {
            setMotoNoAuthActionCount("inf");
        }
    }

    /**
     * Keys that act as the account root of {@link #DEFAULT_ACCOUNT} while IAM enforcement is off. moto accepts any
     * key; LocalStack takes a 12-digit access key ID as the account, otherwise it would use 000000000000.
     */
    public AwsCredentialsIdentity rootCredentials() {
        String accessKeyId = kind == Kind.LOCALSTACK ? DEFAULT_ACCOUNT : "testing";
        return AwsCredentialsIdentity.create(accessKeyId, "testing");
    }

    /** {@link #rootCredentials()} for an SDK client builder's {@code credentialsProvider(..)}. */
    public IdentityProvider<AwsCredentialsIdentity> rootCredentialsProvider() {
        return new FixedIdentity(rootCredentials());
    }

    // moto counts requests without auth before it starts enforcing: 0 enforces at once, inf never.
    private void setMotoNoAuthActionCount(String count) {
        EmulatorHttp.postExpectingOk(endpoint.resolve("/moto-api/reset-auth"), count);
    }

    @Override
    public String toString() {
        return kind + " at " + endpoint;
    }

    // The SDK's identity type redacts the secret in toString(), so this record's toString() does too.
    private record FixedIdentity(AwsCredentialsIdentity identity) implements IdentityProvider<AwsCredentialsIdentity> {
        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
            return CompletableFuture.completedFuture(identity);
        }
    }
}
