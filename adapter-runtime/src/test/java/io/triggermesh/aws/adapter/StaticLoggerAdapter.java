package io.triggermesh.aws.adapter;

/**
 * A registered adapter whose class holds a {@code static final} logger, created when {@link AdapterLauncher}'s
 * ServiceLoader initialises it, before {@link AdapterRuntime} loads: it logs a line while it stops, as real adapters
 * do when they flush their work. Local mode's AdapterShutdownLoggingIT starts it too (adapter-runtime's test jar).
 */
public final class StaticLoggerAdapter implements KindAdapter {

    public static final String KIND = "TestStaticLogger";
    public static final String STOPPING_LINE = "flushed pending work while stopping";

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
