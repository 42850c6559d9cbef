package io.triggermesh.aws.adapter;

/**
 * What an adapter does once its process is set up. {@link #start} reads what it needs from the context, starts its
 * work and returns the handle that stops it. A connector's adapters implement {@link KindAdapter}, so that
 * {@link AdapterLauncher} finds them by kind.
 */
@FunctionalInterface
public interface Adapter {

    /**
     * Starts the adapter. Throw {@link AdapterConfigException} for a bad environment (the process exits with status 2
     * and the message); any other exception exits with status 1.
     *
     * @return closed once at shutdown, after long polls were aborted and before the AWS clients are closed; it
     *     should finish or flush work in progress
     */
    AutoCloseable start(AdapterContext context) throws Exception;
}
