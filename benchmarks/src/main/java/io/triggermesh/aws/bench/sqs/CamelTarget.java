package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.netty.http.NettyHttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The target's peer, Apache Camel, in a JVM of its own (started by {@link ChildJvm}): a netty-http consumer whose
 * route sends each request's body to the queue with aws2-sqs, through the same SQS client type as the adapter (the
 * SDK's URLConnection client). Tuned for the load: as many worker threads as clients (each route blocks on its
 * SendMessage), keep-alive. It sends the data only, where the adapter also writes the CloudEvent's attributes into the
 * message, so it does less work per event.
 *
 * <p>Arguments: SQS endpoint, queue name, worker threads. Prints {@code READY PORT}.
 */
public final class CamelTarget {

    private CamelTarget() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String queueName = args[1];
        int workers = Integer.parseInt(args[2]);
        int port = Bench.freePort();
        SqsClient sqs = Bench.sqs(endpoint);
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("sqs", sqs);
        NettyHttpComponent netty = camel.getComponent("netty-http", NettyHttpComponent.class);
        netty.setMaximumPoolSize(workers);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("netty-http:http://127.0.0.1:" + port + "/?keepAlive=true")
                        .removeHeaders("*")
                        .to("aws2-sqs://" + queueName + "?amazonSQSClient=#sqs&autoCreateQueue=false")
                        .setBody(constant(""))
                        .setHeader("CamelHttpResponseCode", constant(202));
            }
        });
        camel.start();
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
