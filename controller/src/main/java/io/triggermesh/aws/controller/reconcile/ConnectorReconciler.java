package io.triggermesh.aws.controller.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.credentials.ObjectCredentials;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlan;
import io.triggermesh.aws.controller.desired.AdapterInput;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import io.triggermesh.aws.controller.kube.EventRecorder;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Redaction;
import io.triggermesh.aws.spi.api.Sink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common reconcile of every connector kind. Each pass computes the desired state from the object and writes
 * only what differs, so a pass over an unchanged object makes no writes and no AWS calls.
 */
public final class ConnectorReconciler {

    public static final String FINALIZER = "triggermesh.io/aws-resources";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorReconciler.class);

    private final KubernetesClient client;
    private final ObjectValidator validator;
    private final EventRecorder events;
    private final ServiceAccountStep serviceAccounts;
    private final CredentialsStep credentials;
    private final IdentityCheckStep identityCheck;
    private final ResourcesStep resources;
    private final SinkResolver sinks;
    private final WorkloadStep workloads;
    private final Finalization finalization;
    private final AdapterSettings settings;
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
        this.credentials = new CredentialsStep(client);
        this.resources = new ResourcesStep(objectCredentials, settings);
        this.sinks = new SinkResolver(client, crossNamespaceSinks);
        this.workloads = new WorkloadStep(client);
        this.finalization = new Finalization(client, resources, serviceAccounts, events, cleanupAttempts);
        this.settings = settings;
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
            finalization.addFinalizer(kind, object);
            return Result.done();  // the update triggers the next pass
        }
        AwsAuth auth = validated.auth();
        Result result = Result.done();

        String serviceAccountName = null;
        if (auth.iam() != null) {
            ServiceAccountPlan plan;
            try {
                plan = serviceAccounts.apply(owner, auth.iam());
            } catch (KubernetesClientException e) {
                if (!ApiRejection.is(e)) {
                    throw e;
                }
                // Without its ServiceAccount the adapter cannot run as intended: report, retry with backoff.
                status.condition(ApiRejection.condition(Condition.SERVICE_ACCOUNT_READY, "write the ServiceAccount of "
                        + owner.displayName(), e, true));
                writeStatus(kind, object, owner, status);
                return Result.retry(ApiRejection.REASON);
            }
            serviceAccountName = plan.serviceAccountName();
            status.condition(ServiceAccountStep.condition(plan)).field("serviceAccountName", serviceAccountName);
        }
        serviceAccounts.releaseOthers(owner, serviceAccountName);

        AdapterEnvPlan envPlan = AdapterEnvironment.render(owner, auth);
        CredentialsStep.Outcome credentialsOutcome = credentials.apply(owner, envPlan);
        status.condition(credentialsOutcome.condition());
        if (ApiRejection.REASON.equals(credentialsOutcome.condition().reason())) {
            result = result.and(Result.retry(ApiRejection.REASON));
        } else if (!credentialsOutcome.condition().holds()) {
            // The fix (creating the Secret or its key) happens outside, and the controller watches no Secrets.
            result = result.and(Result.requeueAfter(Duration.ofSeconds(30)));
        }
        IdentityCheckStep.Outcome identity = identityCheck.apply(owner, auth, serviceAccountName,
                credentialsOutcome.credentialsVersion(), credentialsOutcome.condition().holds());
        status.field("auth", identity.auth());
        if (identity.condition() != null) {
            status.condition(identity.condition());
        }
        result = result.and(identity.result());

        Map<String, String> pluginStatus = object.pluginStatus();
        if (kind.descriptor().managesAwsResources()) {
            String fingerprint = fingerprint(object, credentialsOutcome.credentialsVersion(), serviceAccountName);
            Optional<Condition> before = status.previous(Condition.RESOURCES_READY);
            Optional<EnsuredMemory.Entry> remembered = ensuredMemory.recall(owner.uid(), fingerprint);
            if (before.isPresent() && before.get().holds()
                    && fingerprint.equals(status.currentField("resourcesFingerprint"))) {
                status.condition(before.get()).field("resourcesFingerprint", fingerprint)
                        .field("awsIdentity", status.currentField("awsIdentity"));
            } else if (remembered.isPresent()) {
                // Ensured already, but the status recording it did not land: reuse that instead of calling AWS.
                status.condition(remembered.get().condition()).field("resourcesFingerprint", fingerprint)
                        .field("awsIdentity", remembered.get().identity());
                pluginStatus = new LinkedHashMap<>(remembered.get().pluginStatus());
            } else {
                ResourcesStep.Ensured ensured = ensure(kind.kind(), context(kind, object, owner, validated, pluginStatus),
                        owner, auth, serviceAccountName);
                status.condition(ensured.condition());
                result = result.and(ensured.result());
                if (ensured.outcome() != null) {
                    pluginStatus = new LinkedHashMap<>(ensured.outcome().statusFields());
                    status.field("resourcesFingerprint", fingerprint).field("awsIdentity", ensured.identity());
                    ensuredMemory.remember(owner.uid(), fingerprint, ensured.condition(), ensured.identity(),
                            pluginStatus);
                }
            }
        }
        pluginStatus.forEach(status::field);

        String sinkUri = null;
        if (kind.descriptor().role() == Role.SOURCE) {
            SinkResolver.Resolution sink = sinks.resolve(read(object, "sink", Sink.class), owner.namespace());
            // status is readable by more people than the Secrets: no user info or query token there.
            status.condition(sink.condition()).field("sinkUri", Redaction.uriForDisplay(sink.uri()));
            sinkUri = sink.uri();
            if (sinkUri == null) {
                result = result.and(Result.requeueAfter(Duration.ofSeconds(30)));
            }
        }

        boolean resourcesReady = status.holdsOrAbsent(Condition.RESOURCES_READY);
        if (resourcesReady && (kind.descriptor().role() == Role.TARGET || sinkUri != null)) {
            AdapterWorkload workload = adapter(kind.kind(), context(kind, object, owner, validated, pluginStatus));
            AdapterInput input = new AdapterInput(owner, workload, envPlan, sinkUri, serviceAccountName,
                    read(object, "adapterOverrides", AdapterOverrides.class), credentialsOutcome.credentialsVersion(),
                    settings);
            StepOutcome deployed = workloads.apply(input);
            status.condition(deployed.condition());
            result = result.and(deployed.result());
            // Not someone else's Service: a source following this address would send events to their adapter.
            if (workload.receivesHttp() && !Ownership.REASON.equals(deployed.condition().reason())) {
                status.field("address", Map.of("url", AdapterWorkloads.addressUrl(owner)));
            }
        } else {
            status.condition(Condition.isFalse(Condition.DEPLOYED, "WaitingForDependencies",
                    "the adapter is deployed once its AWS resources and sink are ready"));
        }
        status.field("ceAttributes", ceAttributes(kind, object));
        writeStatus(kind, object, owner, status);
        return result;
    }

    private <S> ResourcesStep.Ensured ensure(ConnectorKind<S> kind, ObjectContext<?> context, OwnerObject owner,
                                             AwsAuth auth, String serviceAccountName) {
        @SuppressWarnings("unchecked")
        ObjectContext<S> typed = (ObjectContext<S>) context;
        return resources.ensure(kind, typed, owner, auth, serviceAccountName);
    }

    private static <S> AdapterWorkload adapter(ConnectorKind<S> kind, ObjectContext<?> context) {
        @SuppressWarnings("unchecked")
        ObjectContext<S> typed = (ObjectContext<S>) context;
        return kind.adapter(typed);
    }

    static ObjectContext<Object> context(LoadedKind kind, ObjectView object, OwnerObject owner,
                                         ValidatedObject validated, Map<String, String> pluginStatus) {
        return new ObjectContext<>(kind.descriptor().kind(), owner.namespace(), owner.name(), owner.uid(),
                object.generation(), validated.spec(), pluginStatus);
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
        ensuredMemory.forget(owner.uid());  // the status records the ensure now
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

    private static List<Map<String, String>> ceAttributes(LoadedKind kind, ObjectView object) {
        List<Map<String, String>> out = new ArrayList<>();
        String source = object.node().path("spec").path("arn").asText("");
        for (String type : kind.descriptor().emittedEventTypes()) {
            out.add(Map.of("type", type, "source", source));
        }
        return out;
    }

    private static String fingerprint(ObjectView object, String credentialsVersion, String serviceAccountName) {
        JsonNode spec = object.node().path("spec");
        return Digests.short16(spec.toString() + "|" + credentialsVersion + "|" + serviceAccountName);
    }

    private static <T> T read(ObjectView object, String field, Class<T> type) {
        JsonNode node = object.node().path("spec").path(field);
        return node.isMissingNode() || node.isNull() ? null : Json.MAPPER.convertValue(node, type);
    }
}
