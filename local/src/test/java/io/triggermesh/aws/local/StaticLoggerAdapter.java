package io.triggermesh.aws.local;

import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;

/**
 * A registered adapter whose class holds a {@code static final} logger, created when the launcher's ServiceLoader
 * initialises it, before the adapter runtime loads: it logs a line while it stops, as real adapters do when they
 * flush their work.
 */
public final class StaticLoggerAdapter implements KindAdapter {

    static final String KIND = "LocalStaticLogger";
    static final String STOPPING_LINE = "flushed pending work while stopping";

    private static final System.Logger LOG = System.getLogger(StaticLoggerAdapter.class.getName());

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) {
        return () -> LOG.log(System.Logger.Level.INFO, STOPPING_LINE);
    }
}
