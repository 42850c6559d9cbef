package io.triggermesh.aws.controller.local;

import io.triggermesh.aws.adapter.AdapterRuntime;

/**
 * An adapter whose main class holds a {@code static final} logger, so that a logger exists before
 * {@link AdapterRuntime} loads: it logs a line while it stops, as real adapters do when they flush their work.
 */
public final class StaticLoggerAdapter {

    static final String STOPPING_LINE = "flushed pending work while stopping";

    private static final System.Logger LOG = System.getLogger(StaticLoggerAdapter.class.getName());

    private StaticLoggerAdapter() {
    }

    public static void main(String[] args) {
        AdapterRuntime.run("static-logger", context -> () -> LOG.log(System.Logger.Level.INFO, STOPPING_LINE));
    }
}
