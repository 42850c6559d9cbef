package io.triggermesh.aws.adapter;

import java.util.Map;
import java.util.Optional;

/**
 * Stops an adapter that local mode started once local mode itself is gone, even when it was killed without a
 * chance to stop its adapters: local mode names its process in {@link #PARENT_PID}. In a cluster the variable is
 * never set and nothing is watched.
 */
final class ParentWatch {

    /** Set by local mode's runner (the same name as {@code LocalRunner.PARENT_PID}). */
    static final String PARENT_PID = "TRIGGERMESH_LOCAL_PARENT_PID";

    private static final System.Logger LOG = System.getLogger(ParentWatch.class.getName());

    private ParentWatch() {
    }

    /** The process to watch, if the environment names one that is running now. */
    static Optional<ProcessHandle> parent(Map<String, String> env) {
        String pid = env.get(PARENT_PID);
        if (pid == null || pid.isBlank()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** When {@code parent} ends, runs {@code stop} (the adapter's orderly shutdown). */
    static void stopWhenGone(ProcessHandle parent, Runnable stop) {
        parent.onExit().thenRun(() -> {
            LOG.log(System.Logger.Level.INFO, "local mode (pid " + parent.pid() + ") is gone; stopping");
            stop.run();
        });
    }
}
