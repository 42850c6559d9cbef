package io.triggermesh.aws.adapter.logging;

import java.util.logging.LogManager;

/**
 * The JDK's log manager removes every handler in its own shutdown hook, so lines logged while the adapter shuts down
 * (flushing deletes, final counters) would be lost. Once {@link AdapterLogging} has installed its handler, this one
 * keeps it. Selected with {@code -Djava.util.logging.manager}, which {@code AdapterRuntime} sets before logging
 * starts.
 */
public final class AdapterLogManager extends LogManager {

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
