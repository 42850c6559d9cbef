package io.triggermesh.aws.bench.sqs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of the machine's CPU time that was busy (all processes) between {@link #start} and {@link #busy}, from
 * {@code /proc/stat}; -1 where there is no such file. Tells whether a phase was CPU-bound or waiting.
 */
final class CpuMeter {

    private final long[] start;

    private CpuMeter(long[] start) {
        this.start = start;
    }

    static CpuMeter start() {
        return new CpuMeter(read());
    }

    /** Busy share since the start, 0 to 1. */
    double busy() {
        long[] now = read();
        if (start == null || now == null) {
            return -1;
        }
        long total = now[0] - start[0];
        long idle = now[1] - start[1];
        return total == 0 ? 0 : 1 - (double) idle / total;
    }

    /** Total and idle (idle + iowait) jiffies of all CPUs. */
    private static long[] read() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
