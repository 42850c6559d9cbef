package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import java.net.URI;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What an idle adapter could weigh at least, from its parts alone (docs/benchmarks.md, "Memory of an adapter
 * process"): started by {@link SqsBenchmarks} with the image's JVM options, it holds only what its mode names and
 * prints {@code READY}, so the parent can read its RSS.
 *
 * <ul>
 *   <li>{@code sleep}: a JVM that does nothing;</li>
 *   <li>{@code netty}: the harness's {@link NoopNettyServer}, the adapter's transport and HTTP codec;</li>
 *   <li>{@code sdk}: an SQS client as the adapters build it (URLConnection HTTP client, static keys) after the calls
 *       an idle target has made (GetQueueUrl) and the one it makes first (SendMessage);</li>
 *   <li>{@code both}: the two together, which is everything but the adapter's own code and its identity line.</li>
 * </ul>
 *
 * <p>Arguments: the mode, the SQS endpoint, the queue URL.
 */
public final class MemoryFloor {

    /** The modes, in the order the benchmark runs them. */
    static final java.util.List<String> MODES = java.util.List.of("sleep", "netty", "sdk", "both");

    private MemoryFloor() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        NoopNettyServer server = null;
        if (mode.equals("netty") || mode.equals("both")) {
            server = new NoopNettyServer(2);
        }
        SqsClient sqs = null;
        if (mode.equals("sdk") || mode.equals("both")) {
            sqs = Bench.sqs(URI.create(args[1]));
            String name = args[2].substring(args[2].lastIndexOf('/') + 1);
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(Bench.BODY));
        }
        System.out.println("READY");
        System.out.flush();
        // Held until the parent stops this process; the references keep both alive.
        Thread.sleep(Long.MAX_VALUE);
        System.out.println(server + " " + sqs);
    }
}
