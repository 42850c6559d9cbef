package io.triggermesh.aws.adapter.logging;

import java.util.logging.LogManager;

/**
 * The JDK's log manager removes every handler in its own shutdown hook, so lines logged while the adapter shuts down
 * (flushing deletes, final counters) would be lost. Once {@link AdapterLogging} has installed its handler, this one
 * keeps it.
 *
 * <p>The JDK picks its log manager once, when the first logger is created, from the system property
 * {@value #PROPERTY}. Setting it in code is too late whenever a class that creates a logger is initialised first (an
 * adapter's {@code static final System.Logger}, for example). So whatever launches an adapter passes
 * {@link #JVM_OPTION} on the java command line: the adapter images ({@code java.args}, written by
 * distribution/src/main/docker/prepare-jvm.sh) and local mode. {@code AdapterRuntime} still sets the property for
 * other launches, and warns when it was too late.
 */
public final class AdapterLogManager extends LogManager {

    /** The JDK's system property naming the log manager class. */
    public static final String PROPERTY = "java.util.logging.manager";
    /** The java command-line option that selects this manager before any class of the adapter loads. */
    public static final String JVM_OPTION = "-D" + PROPERTY + "=io.triggermesh.aws.adapter.logging.AdapterLogManager";

    private volatile boolean configured;

    /** Removes the handlers now and keeps the ones added next, through shutdown. */
    void resetForConfiguration() {
        super.reset();
        configured = true;
    }

    @Override
    public void reset() {
        if (!configured) {
            super.reset();
        }
    }
}
