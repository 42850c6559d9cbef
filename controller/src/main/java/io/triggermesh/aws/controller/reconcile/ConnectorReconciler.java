package io.triggermesh.aws.controller.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.credentials.ObjectCredentials;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.kube.EventRecorder;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common reconcile of every connector kind: validation, the finalizer, then the {@link DesiredPipeline} (the
 * same steps {@code render} runs) against the API server with the steps that call AWS, then the status. Each pass
 * writes only what differs, so a pass over an unchanged object makes no writes and no AWS calls.
 */
public final class ConnectorReconciler {

    public static final String FINALIZER = "triggermesh.io/aws-resources";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorReconciler.class);

    private final KubernetesClient client;
    private final ObjectValidator validator;
    private final EventRecorder events;
    private final ServiceAccountStep serviceAccounts;
    private final IdentityCheckStep identityCheck;
    private final ResourcesStep resources;
    private final Finalization finalization;
    private final Cluster cluster;
    private final DesiredPipeline pipeline;
    private final DesiredPipeline.LiveSteps live = new Live();
    private final Clock clock;
    /** Successful ensures whose status write has not landed yet, so retries do not call AWS again. */
    private final EnsuredMemory ensuredMemory;

    public ConnectorReconciler(KubernetesClient client, ObjectValidator validator, EventRecorder events,
                               ObjectCredentials objectCredentials,
                               AdapterSettings settings, int cleanupAttempts, Clock clock) {
        this(client, validator, events, objectCredentials, settings, cleanupAttempts, clock, false);
    }

    /** @param crossNamespaceSinks whether a source's sink.ref may name an object in another namespace */
    public ConnectorReconciler(KubernetesClient client, ObjectValidator validator, EventRecorder events,
                               ObjectCredentials objectCredentials, AdapterSettings settings, int cleanupAttempts,
                               Clock clock, boolean crossNamespaceSinks) {
        this(client, validator, events, objectCredentials, settings, cleanupAttempts, clock, crossNamespaceSinks,
                true, Duration.ofMinutes(10));
    }

    /**
     * @param identityCheck whether to ask AWS which identity each object's credentials resolve to (status.auth)
     * @param identityCheckWindow how long one answer is kept per credential source
     */
    public ConnectorReconciler(KubernetesClient client, ObjectValidator validator, EventRecorder events,
                               ObjectCredentials objectCredentials, AdapterSettings settings, int cleanupAttempts,
                               Clock clock, boolean crossNamespaceSinks, boolean identityCheck,
                               Duration identityCheckWindow) {
        this.identityCheck = new IdentityCheckStep(IdentityCheckStep.probe(objectCredentials.forIdentityChecks()),
                new IdentityCheckStep.Settings(identityCheck, identityCheckWindow), clock);
        this.client = client;
        this.validator = validator;
        this.events = events;
        this.serviceAccounts = new ServiceAccountStep(client);
        this.resources = new ResourcesStep(objectCredentials, settings);
        this.finalization = new Finalization(client, resources, serviceAccounts, events, cleanupAttempts);
        this.cluster = new ApiCluster(client);
        this.pipeline = new DesiredPipeline(settings, crossNamespaceSinks, false);
        this.clock = clock;
        this.ensuredMemory = new EnsuredMemory(clock);
    }

    /** Reconciles one object as read from the API or the informer cache. */
    public Result reconcile(LoadedKind kind, GenericKubernetesResource resource) {
        ObjectView object = new ObjectView(resource);
        OwnerObject owner = object.owner(kind);
        try {
            if (object.deleting()) {
                return finalization.finalizeObject(kind, object, owner, validator.validate(object.node()));
            }
            return converge(kind, object, owner);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                // Someone wrote first, and a status write already retried once with a fresh read: back off
                // per object like any failure (a fixed short requeue made hundreds of requests a minute).
                LOG.debug("{}: conflict writing to the API; retrying with backoff", owner.displayName());
                return Result.retry("Conflict");
            }
            LOG.warn("{}: Kubernetes API error {}: {}", owner.displayName(), e.getCode(), e.getMessage());
            return Result.retry("KubernetesApi" + e.getCode());
        }
    }

    private Result converge(LoadedKind kind, ObjectView object, OwnerObject owner) {
        StatusBuilder status = new StatusBuilder(object.status(), object.generation(), clock);
        ValidatedObject validated = validator.validate(object.node());
        if (!validated.isValid()) {
            String message = validated.problems().stream().map(Problem::toString)
                    .collect(Collectors.joining("; "));
            status.condition(Condition.isFalse("SpecValid", "InvalidSpec", message));
            writeStatus(kind, object, owner, status);
            return Result.done();
        }
        if (kind.descriptor().managesAwsResources() && !object.hasFinalizer(FINALIZER)) {
            Optional<Condition> refused = finalization.addFinalizer(kind, object, owner);
            if (refused.isEmpty()) {
                return Result.done();  // the update triggers the next pass
            }
            // No AWS resources without the finalizer that removes them: say why nothing happens, retry with backoff.
            status.condition(refused.get());
            writeStatus(kind, object, owner, status);
            return Result.retry(ApiRejection.REASON);
        }
        Pass pass = new Pass(kind, object, owner, validated, status);
        pipeline.run(pass, cluster, live);
        writeStatus(kind, object, owner, status);
        return pass.result();
    }

    /** The steps of the pipeline that ask AWS or list the cluster, which {@code render} does not run. */
    private final class Live implements DesiredPipeline.LiveSteps {

        @Override
        public void releaseServiceAccounts(Pass pass) {
            List<String> refused = serviceAccounts.releaseOthers(pass.owner, pass.serviceAccountName);
            if (!refused.isEmpty()) {
                // The adapter runs as it should; only a leftover stays behind. A warning (Ready unchanged) and its
                // Event, and the release is tried again with the object's backoff, not in a loop.
                pass.status.condition(Condition.warning(Condition.SERVICE_ACCOUNTS_RELEASED, ApiRejection.REASON,
                        String.join("; ", refused) + "; the controller retries with backoff, fix the cause"
                                + " (quota, admission policy)"));
                pass.and(Result.retry(ApiRejection.REASON));
            }
        }

        @Override
        public void checkIdentity(Pass pass) {
            StepOutcome<Map<String, Object>> identity = identityCheck.apply(pass.owner, pass.validated.auth(),
                    pass.serviceAccountName, pass.credentialsVersion, pass.credentialsHold);
            pass.status.field("auth", identity.value());
            if (identity.condition() != null) {
                pass.status.condition(identity.condition());
            }
            pass.and(identity.result());
        }

        @Override
        public void ensureResources(Pass pass) {
            StatusBuilder status = pass.status;
            String fingerprint = fingerprint(pass.object, pass.credentialsVersion, pass.serviceAccountName);
            Optional<Condition> before = status.previous(Condition.RESOURCES_READY);
            Optional<EnsuredMemory.Entry> remembered = ensuredMemory.recall(pass.owner.uid(), fingerprint);
            if (before.isPresent() && before.get().holds()
                    && fingerprint.equals(status.currentField("resourcesFingerprint"))) {
                ensuredMemory.forget(pass.owner.uid());  // the status read back records the ensure
                status.condition(before.get()).field("resourcesFingerprint", fingerprint)
                        .field("awsIdentity", status.currentField("awsIdentity"));
            } else if (remembered.isPresent()) {
                // Ensured already, but the status recording it did not land: reuse that instead of calling AWS.
                status.condition(remembered.get().condition()).field("resourcesFingerprint", fingerprint)
                        .field("awsIdentity", remembered.get().identity());
                pass.pluginStatus = new LinkedHashMap<>(remembered.get().pluginStatus());
            } else {
                StepOutcome<ResourcesStep.Ensured> ensured = ensure(pass.kind.kind(), pass.context(), pass.owner,
                        pass.validated.auth(), pass.serviceAccountName);
                status.condition(ensured.condition());
                pass.and(ensured.result());
                if (ensured.value() != null) {
                    String identity = ensured.value().identity();
                    pass.pluginStatus = new LinkedHashMap<>(ensured.value().outcome().statusFields());
                    status.field("resourcesFingerprint", fingerprint).field("awsIdentity", identity);
                    ensuredMemory.remember(pass.owner.uid(), fingerprint, ensured.condition(), identity,
                            pass.pluginStatus);
                }
            }
        }
    }

    private <S> StepOutcome<ResourcesStep.Ensured> ensure(ConnectorKind<S> kind, ObjectContext<?> context,
                                                          OwnerObject owner, AwsAuth auth,
                                                          String serviceAccountName) {
        @SuppressWarnings("unchecked")
        ObjectContext<S> typed = (ObjectContext<S>) context;
        return resources.ensure(kind, typed, owner, auth, serviceAccountName);
    }

    private void writeStatus(LoadedKind kind, ObjectView object, OwnerObject owner, StatusBuilder status) {
        String readyMessage = kind.descriptor().kind() + " " + owner.name() + " is ready";
        Map<String, Object> next = status.build(readyMessage);
        if (!status.differs(next)) {
            ensuredMemory.forget(owner.uid());
            return;
        }
        if (!StatusWrite.write(client, kind, object.resource(), next)) {
            return;  // the object changed meanwhile; the pass its change triggers writes the status
        }
        // The memory stays until a pass reads the fingerprint back (ensureResources): a pass already queued may
        // still see the cached object from before this write, and must not call AWS again.
        emitTransitions(owner, object.status(), next);
    }

    /**
     * One Event per condition whose status or reason changed; none in a steady state. Warning-severity conditions
     * get their Warning Event here too, although they do not turn Ready False.
     */
    private void emitTransitions(OwnerObject owner, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Condition> old = conditions(before);
        for (Condition next : conditions(after).values()) {
            Condition previous = old.get(next.type());
            if (previous != null && previous.status().equals(next.status())
                    && previous.reason().equals(next.reason())) {
                continue;
            }
            if (next.holds()) {
                if (next.type().equals(Condition.READY)) {
                    events.normal(owner, next.reason(), next.message());
                }
            } else if ("False".equals(next.status())) {
                // Unknown (a rollout in progress) is no failure yet: no Warning until it turns False.
                events.warning(owner, next.reason(), next.message());
            }
        }
    }

    private static Map<String, Condition> conditions(Map<String, Object> status) {
        Map<String, Condition> out = new LinkedHashMap<>();
        if (status.get("conditions") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Condition c = Condition.fromMap(map);
                    out.put(c.type(), c);
                }
            }
        }
        return out;
    }

    private static String fingerprint(ObjectView object, String credentialsVersion, String serviceAccountName) {
        JsonNode spec = object.node().path("spec");
        return Digests.short16(spec.toString() + "|" + credentialsVersion + "|" + serviceAccountName);
    }
}
