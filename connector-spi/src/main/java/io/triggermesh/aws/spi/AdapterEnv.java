package io.triggermesh.aws.spi;

import java.util.Set;

/**
 * The adapter environment contract: the names of the variables the controller (and local mode) give an adapter
 * process and the adapter runtime reads. Defined once, here, so that the controller's env builder, the adapter
 * overrides rules, auth-core, the adapter runtime and each plugin use the same strings.
 */
public final class AdapterEnv {

    /** Name of the connector object the adapter serves; set by the controller. */
    public static final String NAME = "NAME";
    /** Namespace of the connector object the adapter serves; set by the controller. */
    public static final String NAMESPACE = "NAMESPACE";
    /**
     * The kind of the connector object the adapter serves ({@code AWSSQSSource}); set by the controller. The adapter
     * launcher of adapter-runtime starts the adapter registered for this kind.
     */
    public static final String KIND = "KIND";
    /** The sink of a source: an absolute http(s) URL; set by the controller. */
    public static final String K_SINK = "K_SINK";
    /** How long one POST to the sink may take, in seconds. */
    public static final String K_SINK_TIMEOUT = "K_SINK_TIMEOUT";
    /** The ARN of the connector's AWS resource ({@code spec.arn}), as plugins conventionally pass it. */
    public static final String ARN = "ARN";
    /** The port a target adapter's HTTP server listens on; its container port when unset. */
    public static final String PORT = "PORT";
    /**
     * The address a target adapter's HTTP server binds. Unset in a pod (all interfaces, so the Service reaches it);
     * local mode sets {@code 127.0.0.1}, so that nothing but this machine can post events that the adapter writes to
     * AWS with the object's credentials.
     */
    public static final String BIND_ADDRESS = "BIND_ADDRESS";
    /** {@code error}, {@code warn}, {@code info} (default), {@code debug} or {@code trace}. */
    public static final String LOG_LEVEL = "LOG_LEVEL";

    /** Static access key id; always a secretKeyRef in Deployments. */
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    /** Static secret access key; always a secretKeyRef in Deployments. */
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    /** Session token of temporary credentials; always a secretKeyRef in Deployments. */
    public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    /** Role the adapter assumes on top of its base identity. */
    public static final String AWS_ASSUME_ROLE_ARN = "AWS_ASSUME_ROLE_ARN";
    /** ExternalId passed to sts:AssumeRole. */
    public static final String AWS_ASSUME_ROLE_EXTERNAL_ID = "AWS_ASSUME_ROLE_EXTERNAL_ID";
    /** RoleSessionName passed to sts:AssumeRole. */
    public static final String AWS_ASSUME_ROLE_SESSION_NAME = "AWS_ASSUME_ROLE_SESSION_NAME";
    /** DurationSeconds passed to sts:AssumeRole. */
    public static final String AWS_ASSUME_ROLE_DURATION_SECONDS = "AWS_ASSUME_ROLE_DURATION_SECONDS";
    /** Region the adapter's clients use. */
    public static final String AWS_REGION = "AWS_REGION";
    /** Endpoint override for every service (emulators, VPC endpoints); the SDK also reads it itself. */
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    /** Per-service endpoint override for STS, as the SDK names it (AWS_ENDPOINT_URL_&lt;SERVICE&gt;). */
    public static final String AWS_ENDPOINT_URL_STS = "AWS_ENDPOINT_URL_STS";
    /** Injected by the EKS pod identity webhook (IRSA); never rendered by the controller. */
    public static final String AWS_ROLE_ARN = "AWS_ROLE_ARN";
    /** Injected by the EKS pod identity webhook (IRSA); never rendered by the controller. */
    public static final String AWS_WEB_IDENTITY_TOKEN_FILE = "AWS_WEB_IDENTITY_TOKEN_FILE";
    /** Optionally injected by the EKS pod identity webhook (IRSA); never rendered by the controller. */
    public static final String AWS_ROLE_SESSION_NAME = "AWS_ROLE_SESSION_NAME";
    /** Injected for an EKS Pod Identity association (and by local mode): the agent's credentials endpoint. */
    public static final String AWS_CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    /** Injected with {@link #AWS_CONTAINER_CREDENTIALS_FULL_URI}: the file holding the token the agent checks. */
    public static final String AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    /** The agent's token given directly instead of in a file (the SDK reads either); never rendered. */
    public static final String AWS_CONTAINER_AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    /** Variables the controller sets for every adapter: a plugin's env and the user's overrides never replace them. */
    public static final Set<String> SET_BY_CONTROLLER = Set.of(NAME, NAMESPACE, KIND, K_SINK);
    /** The static credential variables, rendered from {@code spec.auth} as secretKeyRefs only. */
    public static final Set<String> STATIC_CREDENTIALS = Set.of(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
            AWS_SESSION_TOKEN);

    private AdapterEnv() {
    }
}
