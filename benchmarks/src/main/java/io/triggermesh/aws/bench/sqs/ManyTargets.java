package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.bench.Bench;
import io.triggermesh.aws.sqs.adapter.SqsTargetAdapter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prototype of many connector objects in one adapter process (docs/benchmarks.md, "Many objects per process"):
 * AWSSQSTarget objects started one after another in this JVM (the image's options and jars, started by
 * {@link ChildJvm}), each as the runtime starts it today: its own AWS client, HTTP receiver, senders and port, nothing
 * shared but the JVM. It reads queue ARNs from standard input, one per line; after each start it prints
 * {@code STARTED N PORT} and waits for the next line, so the parent can read the RSS in between.
 *
 * <p>Argument: the SQS endpoint.
 */
public final class ManyTargets {

    private ManyTargets() {
    }

    public static void main(String[] args) throws Exception {
        List<AdapterRuntime> running = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String arn; (arn = in.readLine()) != null && !arn.isBlank(); ) {
            int port = Bench.freePort();
            Map<String, String> env = new HashMap<>(Map.of("ARN", arn, "PORT", Integer.toString(port),
                    "AWS_ENDPOINT_URL", args[0], "AWS_REGION", "elasticmq", "AWS_ACCESS_KEY_ID", "x",
                    "AWS_SECRET_ACCESS_KEY", "x", "NAME", "object-" + running.size(), "NAMESPACE", "bench"));
            running.add(AdapterRuntime.start(env, new SqsTargetAdapter()));
            System.out.println("STARTED " + running.size() + " " + port);
            System.out.flush();
        }
        for (AdapterRuntime r : running) {
            r.close();
        }
    }
}
