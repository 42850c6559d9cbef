package io.triggermesh.aws.adapter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A log handler that keeps each record as {@code "LEVEL message"}, for tests that read what a class logged. */
final class CapturedLog extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** What was logged so far, oldest first (a live view). */
    List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
