package io.triggermesh.aws.bench;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ embedded on a free loopback port: an SQS fast enough for throughput (moto is far too slow). */
public final class ElasticMq implements AutoCloseable {

    // Held, so that the level set on it stays: the JDK keeps loggers only weakly.
    private static final Logger QUIET = Logger.getLogger("org.elasticmq");

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static ElasticMq start() {
        // ElasticMQ logs every queue it creates, and long polls cut short by a stopping consumer as errors: noise.
        QUIET.setLevel(Level.OFF);
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
