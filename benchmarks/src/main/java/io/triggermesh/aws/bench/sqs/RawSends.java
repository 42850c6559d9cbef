package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The target's raw baselines in a JVM of their own (the adapter image's options and jars, started by
 * {@link ChildJvm}): SendMessageBatch of 10 from {@code batchThreads} threads, then SendMessage from one thread,
 * each after a warm-up. Prints {@code RESULT batch|single MESSAGES SECONDS CPU_NANOS} per loop, the CPU time being
 * the whole process's during that loop.
 *
 * <p>Arguments: endpoint, queue URL, batch threads, batch messages, single messages.
 */
public final class RawSends {

    private RawSends() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String url = args[1];
        int batchThreads = Integer.parseInt(args[2]);
        int batchMessages = Integer.parseInt(args[3]);
        int singleMessages = Integer.parseInt(args[4]);
        String body = TargetBenchmark.eventJson();
        try (SqsClient sqs = Bench.sqs(endpoint)) {
            TargetVariants.rawBatch(sqs, url, body, batchThreads, Math.max(2_000, batchMessages / 5));
            TargetVariants.rawSingle(sqs, url, body, Math.max(1_000, singleMessages / 2));
            long cpu = cpuNanos();
            double seconds = TargetVariants.rawBatch(sqs, url, body, batchThreads, batchMessages);
            report("batch", batchMessages, seconds, cpuNanos() - cpu);
            cpu = cpuNanos();
            seconds = TargetVariants.rawSingle(sqs, url, body, singleMessages);
            report("single", singleMessages, seconds, cpuNanos() - cpu);
        }
        System.out.println("DONE");
    }

    private static void report(String loop, int messages, double seconds, long cpuNanos) {
        System.out.printf(Locale.ROOT, "RESULT %s %d %.6f %d%n", loop, messages, seconds, cpuNanos);
        System.out.flush();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
