package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.ElasticMq;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Our two SQS batchers against the SDK's {@code SqsAsyncBatchManager} (docs/benchmarks.md, "SDK batch manager vs
 * ours"), in one run against ElasticMQ embedded in this JVM: sends (the SQS target's {@code SendBatcher}) and deletes
 * (the polling engine's {@code SqsBatcher}) at 1, 16 and 64 producers, then what each does with an entry SQS refuses,
 * then a table of ratios. The contenders run in a JVM of their own with the adapter image's options
 * ({@link BatcherRun}), so that its CPU time is theirs and their clients', not ElasticMQ's.
 *
 * <p>System properties: {@code bench.warmUpSeconds} (2) and {@code bench.seconds} (5) for each closed-loop phase,
 * {@code bench.deletes} (10000) messages per open-loop delete phase.
 */
public final class BatcherBenchmark {

    private BatcherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        int exit;
        try (ElasticMq elasticMq = ElasticMq.start()) {
            String classpath = Path.of("benchmarks", "target", "classes").toAbsolutePath() + File.pathSeparator
                    + Files.readString(Path.of("benchmarks", "target", "classpath.txt")).trim();
            List<String> command = new ArrayList<>(ImageJvm.benchCommand(classpath, BatcherRun.class.getName()));
            command.addAll(List.of(elasticMq.endpoint().toString(),
                    Integer.toString(Integer.getInteger("bench.warmUpSeconds", 2)),
                    Integer.toString(Integer.getInteger("bench.seconds", 5)),
                    Integer.toString(Integer.getInteger("bench.deletes", 10_000))));
            System.out.println("JVM of the contenders: " + ImageJvm.javaOptionsSummary().replace(
                    " -XX:SharedArchiveFile=app.jsa", "") + " (the adapter image's, without its AppCDS archive)");
            exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        }
        System.exit(exit);
    }
}
