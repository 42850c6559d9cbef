package io.triggermesh.aws.controller.it;

import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.SpiVersion;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.ResourceOutcome;
import io.triggermesh.aws.spi.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A test connector with a managed AWS resource: it creates one SQS queue per object with the identity the
 * controller hands in, and records that identity's ARN in status, so tests can prove which identity was used.
 *
 * <p>It counts its hook calls per object so that tests can prove a no-op resync makes no AWS call, and its cleanup
 * always fails for objects whose name starts with {@value #FAILING_CLEANUP_PREFIX}. The counters are static because
 * the controller instantiates plugins through ServiceLoader, out of the test's reach; tests reset them.
 */
public class QueueTestPlugin implements ConnectorPlugin {

    public static final String KIND = "AWSQueueTestSource";

    /** Objects named like this have a cleanup that always fails, as if AWS kept refusing the deletion. */
    public static final String FAILING_CLEANUP_PREFIX = "fail-cleanup";

    private static final ConcurrentMap<String, AtomicInteger> ENSURE_CALLS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, AtomicInteger> CLEANUP_CALLS = new ConcurrentHashMap<>();

    /** Spec of the test kind: its own field only (auth and sink are the controller's). */
    public record Spec(String arn) {
    }

    @Override
    public String name() {
        return "queue-test";
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConnectorKind<?>> kinds() {
        return List.of(new QueueKind());
    }

    static String queueName(String namespace, String name) {
        return "tm-" + namespace + "-" + name;
    }

    /** How often the controller called ensureResources for {@code namespace/name} since the last reset. */
    static int ensureCalls(String namespace, String name) {
        return count(ENSURE_CALLS, namespace, name);
    }

    /** How often the controller called cleanupResources for {@code namespace/name} since the last reset. */
    static int cleanupCalls(String namespace, String name) {
        return count(CLEANUP_CALLS, namespace, name);
    }

    static void resetCounters() {
        ENSURE_CALLS.clear();
        CLEANUP_CALLS.clear();
    }

    private static int count(ConcurrentMap<String, AtomicInteger> counters, String namespace, String name) {
        AtomicInteger counter = counters.get(namespace + "/" + name);
        return counter == null ? 0 : counter.get();
    }

    private static void increment(ConcurrentMap<String, AtomicInteger> counters, ObjectContext<?> object) {
        counters.computeIfAbsent(object.namespace() + "/" + object.name(), k -> new AtomicInteger()).incrementAndGet();
    }

    private static final class QueueKind implements ConnectorKind<Spec> {
        private final KindDescriptor<Spec> descriptor = KindDescriptor.builder(Role.SOURCE, KIND, Spec.class)
                .emits("io.test.queue")
                .adapterPermission(IamPermission.of("Receive", List.of("sqs:ReceiveMessage"),
                        "arn:${partition}:sqs:*:*:*"))
                .controllerPermission(IamPermission.of("Manage", List.of("sqs:CreateQueue", "sqs:DeleteQueue"),
                        "arn:${partition}:sqs:*:*:*"))
                .build();

        @Override
        public KindDescriptor<Spec> descriptor() {
            return descriptor;
        }

        @Override
        public ResourceOutcome ensureResources(ObjectContext<Spec> object, AwsAccess aws) {
            increment(ENSURE_CALLS, object);
            try (SqsClient sqs = sqs(aws); StsClient sts = sts(aws)) {
                String url = sqs.createQueue(b -> b.queueName(queueName(object.namespace(), object.name())))
                        .queueUrl();
                String caller = sts.getCallerIdentity().arn();
                return new ResourceOutcome(Map.of("queueUrl", url, "createdBy", caller));
            } catch (SqsException e) {
                if (e.statusCode() == 403) {
                    throw AwsResourceException.accessDenied("sqs:CreateQueue", e.getMessage(), e);
                }
                throw AwsResourceException.transientFailure(e.getMessage(), e);
            }
        }

        @Override
        public void cleanupResources(ObjectContext<Spec> object, AwsAccess aws) {
            increment(CLEANUP_CALLS, object);
            if (object.name().startsWith(FAILING_CLEANUP_PREFIX)) {
                // Echoing the signing credentials bare, as the worst AWS error message could.
                var credentials = aws.credentials().resolveIdentity().join();
                String token = credentials instanceof software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity
                        session ? session.sessionToken() : "none";
                throw new IllegalStateException("simulated cleanup failure for " + object.name() + " (signed by "
                        + credentials.accessKeyId() + ", token " + token + ")");
            }
            String url = object.status().get("queueUrl");
            if (url == null) {
                return;
            }
            try (SqsClient sqs = sqs(aws)) {
                sqs.deleteQueue(b -> b.queueUrl(url));
            } catch (QueueDoesNotExistException e) {
                // already gone
            }
        }

        @Override
        public AdapterWorkload adapter(ObjectContext<Spec> object) {
            return AdapterWorkload.source("queue-test:latest",
                    Map.of("QUEUE_URL", object.status().getOrDefault("queueUrl", "")));
        }

        private static SqsClient sqs(AwsAccess aws) {
            var builder = SqsClient.builder().region(Region.of(aws.region())).credentialsProvider(aws.credentials());
            aws.endpointOverride().ifPresent(builder::endpointOverride);
            return builder.build();
        }

        private static StsClient sts(AwsAccess aws) {
            var builder = StsClient.builder().region(Region.of(aws.region())).credentialsProvider(aws.credentials());
            aws.endpointOverride().ifPresent(builder::endpointOverride);
            return builder.build();
        }
    }
}
