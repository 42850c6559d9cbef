package io.triggermesh.aws.adapter;

import io.triggermesh.aws.adapter.logging.AdapterLogManager;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one adapter process: configures logging (redacting every credential value), reads the environment, builds
 * the AWS clients, starts the {@link Adapter} and stops it on SIGTERM or SIGINT (graceful: long polls aborted, work
 * in progress finished, pending deletes flushed, then the clients closed). Adapter processes are started by
 * {@link AdapterLauncher}, which finds the {@link KindAdapter} of the object's kind and calls {@link #run}; a connector
 * writes no main class. Tests run adapters in-process with {@link #start(Map, Adapter)} and stop them with
 * {@link #close()}.
 */
public final class AdapterRuntime implements AutoCloseable {

    static {
        // For launches neither through AdapterLauncher nor with AdapterLogManager.JVM_OPTION; too late if a logger
        // exists already (see run()).
        if (System.getProperty(AdapterLogManager.PROPERTY) == null) {
            System.setProperty(AdapterLogManager.PROPERTY, AdapterLogManager.class.getName());
        }
    }

    private static final System.Logger LOG = System.getLogger(AdapterRuntime.class.getName());

    /** Exit status for a bad environment. */
    public static final int EXIT_CONFIG = 2;
    /** Exit status for any other start failure. */
    public static final int EXIT_FAILURE = 1;

    private final AdapterContext context;
    private final AutoCloseable running;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AdapterRuntime(AdapterContext context, AutoCloseable running) {
        this.context = context;
        this.running = running;
    }

    /**
     * Starts {@code adapter} with the environment {@code env}, in this process, without touching logging or signal
     * handling.
     *
     * @throws AdapterConfigException naming the variable when the environment is not usable
     * @throws Exception whatever the adapter's start threw
     */
    public static AdapterRuntime start(Map<String, String> env, Adapter adapter) throws Exception {
        Objects.requireNonNull(adapter, "adapter");
        AdapterConfig config = AdapterConfig.fromEnvironment(env);
        AwsClients aws = AwsClients.fromConfig(config);
        LOG.log(System.Logger.Level.INFO, () -> "starting for " + config.objectName() + " as "
                + aws.identityDescription() + " in " + config.endpoints().region()
                + config.endpoints().globalEndpoint().map(uri -> " via " + uri).orElse(""));
        try {
            return new AdapterRuntime(new AdapterContext(config, aws), adapter.start(new AdapterContext(config, aws)));
        } catch (Exception | Error e) {
            aws.close();
            throw e;
        }
    }

    /**
     * The process entry point: logging from {@code LOG_LEVEL}, the environment from {@link System#getenv()}, then
     * {@link #start}; blocks until SIGTERM/SIGINT and stops gracefully. Exits with {@link #EXIT_CONFIG} and one
     * clear line for a bad environment, {@link #EXIT_FAILURE} when starting failed otherwise.
     */
    public static void run(String component, Adapter adapter) {
        Map<String, String> env = System.getenv();
        try {
            AdapterLogging.configure(env);
        } catch (IllegalArgumentException e) {
            System.err.println(component + ": " + e.getMessage());
            System.exit(EXIT_CONFIG);
        }
        AdapterRuntime runtime;
        try {
            runtime = start(env, adapter);
        } catch (AdapterConfigException e) {
            LOG.log(System.Logger.Level.ERROR, component + " cannot start: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, component + " cannot start", e);
            System.exit(EXIT_FAILURE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, component + " stopping");
            runtime.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.log(System.Logger.Level.INFO, component + " started");
        if (!(java.util.logging.LogManager.getLogManager() instanceof AdapterLogManager)) {
            LOG.log(System.Logger.Level.WARNING, component + " was started without " + AdapterLogManager.JVM_OPTION
                    + " and a logger existed before AdapterRuntime loaded: lines logged while it stops may be lost;"
                    + " add that option to the java command line");
        }
        IdentityLog.inBackground(runtime.context().aws());
        ParentWatch.parent(env).ifPresent(parent -> ParentWatch.stopWhenGone(parent, () -> System.exit(0)));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public AdapterContext context() {
        return context;
    }

    /** Aborts long polls, stops the adapter (which finishes its work in progress), closes the AWS clients. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        context.aws().stopLongPolls();
        try {
            running.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the adapter failed", e);
        } finally {
            context.aws().close();
        }
    }
}
