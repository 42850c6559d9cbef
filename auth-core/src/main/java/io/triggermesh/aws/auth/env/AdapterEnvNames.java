package io.triggermesh.aws.auth.env;

import io.triggermesh.aws.spi.AdapterEnv;

/**
 * Names of the environment variables shared by the controller (which renders them into adapter Deployments) and the
 * adapters (which read them to build their credential chain). The names are the SPI's {@link AdapterEnv}, the one
 * definition of the adapter environment.
 */
public final class AdapterEnvNames {

    /** Static access key id; always a secretKeyRef in Deployments. */
    public static final String AWS_ACCESS_KEY_ID = AdapterEnv.AWS_ACCESS_KEY_ID;
    /** Static secret access key; always a secretKeyRef in Deployments. */
    public static final String AWS_SECRET_ACCESS_KEY = AdapterEnv.AWS_SECRET_ACCESS_KEY;
    /** Session token of temporary credentials; always a secretKeyRef in Deployments. */
    public static final String AWS_SESSION_TOKEN = AdapterEnv.AWS_SESSION_TOKEN;

    /** Role the adapter assumes on top of its base identity. */
    public static final String AWS_ASSUME_ROLE_ARN = AdapterEnv.AWS_ASSUME_ROLE_ARN;
    /** ExternalId passed to sts:AssumeRole. */
    public static final String AWS_ASSUME_ROLE_EXTERNAL_ID = AdapterEnv.AWS_ASSUME_ROLE_EXTERNAL_ID;
    /** RoleSessionName passed to sts:AssumeRole. */
    public static final String AWS_ASSUME_ROLE_SESSION_NAME = AdapterEnv.AWS_ASSUME_ROLE_SESSION_NAME;
    /** DurationSeconds passed to sts:AssumeRole. */
    public static final String AWS_ASSUME_ROLE_DURATION_SECONDS = AdapterEnv.AWS_ASSUME_ROLE_DURATION_SECONDS;

    /** Region the adapter's clients use. */
    public static final String AWS_REGION = AdapterEnv.AWS_REGION;
    /** Endpoint override for every service (emulators, VPC endpoints); the SDK also reads it itself. */
    public static final String AWS_ENDPOINT_URL = AdapterEnv.AWS_ENDPOINT_URL;
    /** Per-service endpoint override for STS, as the SDK names it (AWS_ENDPOINT_URL_&lt;SERVICE&gt;). */
    public static final String AWS_ENDPOINT_URL_STS = AdapterEnv.AWS_ENDPOINT_URL_STS;

    /** Injected by the EKS pod identity webhook (IRSA); never rendered by the controller. */
    public static final String AWS_ROLE_ARN = AdapterEnv.AWS_ROLE_ARN;
    /** Injected by the EKS pod identity webhook (IRSA); never rendered by the controller. */
    public static final String AWS_WEB_IDENTITY_TOKEN_FILE = AdapterEnv.AWS_WEB_IDENTITY_TOKEN_FILE;
    /** Optionally injected by the EKS pod identity webhook (IRSA); never rendered by the controller. */
    public static final String AWS_ROLE_SESSION_NAME = AdapterEnv.AWS_ROLE_SESSION_NAME;

    /**
     * Injected by the EKS Pod Identity webhook when an association names the pod's ServiceAccount (and by local mode,
     * which plays the agent): the agent's credentials endpoint. Never rendered by the controller.
     */
    public static final String AWS_CONTAINER_CREDENTIALS_FULL_URI = AdapterEnv.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    /** Injected with {@link #AWS_CONTAINER_CREDENTIALS_FULL_URI}: the file holding the token the agent checks. */
    public static final String AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
    /** The agent's token given directly instead of in a file. */
    public static final String AWS_CONTAINER_AUTHORIZATION_TOKEN = AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN;

    /** Name of the connector object the adapter serves. */
    public static final String NAME = AdapterEnv.NAME;
    /** Namespace of the connector object the adapter serves. */
    public static final String NAMESPACE = AdapterEnv.NAMESPACE;
    /**
     * The address a target adapter's HTTP server binds. Unset in a pod (all interfaces, so the Service reaches it);
     * local mode sets {@code 127.0.0.1}, so that nothing but this machine can post events that the adapter writes to
     * AWS with the object's credentials.
     */
    public static final String BIND_ADDRESS = AdapterEnv.BIND_ADDRESS;

    private AdapterEnvNames() {
    }
}
