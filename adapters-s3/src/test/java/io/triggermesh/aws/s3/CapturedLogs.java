package io.triggermesh.aws.s3;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Log lines of the adapters (java.util.logging, where System.Logger goes) captured while a test runs. */
final class CapturedLogs extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    CapturedLogs() {
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + formatter.formatMessage(record)
                + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String all() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
