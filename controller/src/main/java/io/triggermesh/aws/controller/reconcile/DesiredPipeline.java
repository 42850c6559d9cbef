package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlan;
import io.triggermesh.aws.controller.desired.AdapterInput;
import io.triggermesh.aws.controller.desired.AdapterNames;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.api.Redaction;
import io.triggermesh.aws.spi.api.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The desired state of one valid connector object, built once as a sequence of steps, in the spirit of
 * java-operator-sdk's dependent resources: each step computes its desired object from the object and the existing
 * state it reads through a {@link Cluster}, and returns it as a {@link Change} that the cluster applies before the
 * next step reads. The steps, in order: ServiceAccount, owned Secret, referenced Secrets, [identity check],
 * [AWS resources], sink, Deployment, Service, workloads under previous names, CloudEvent attributes.
 *
 * <p>The reconciler runs it against the API server, with the {@link LiveSteps} that call AWS and list the cluster.
 * {@code render} runs the same steps against the objects given with {@code -f} ({@link GivenObjects}) without
 * those, so it prints what the controller would write, merged onto what exists. Its only other difference is that a
 * sink it cannot resolve from the given objects gets a placeholder, where the controller would wait for it.
 */
final class DesiredPipeline {

    /** The steps only a live controller runs: they ask AWS or list the cluster. */
    interface LiveSteps {

        /** None: what {@code render} runs. */
        LiveSteps NONE = new LiveSteps() {
        };

        /** Releases the ServiceAccounts the object no longer uses. */
        default void releaseServiceAccounts(Pass pass) {
        }

        /** Asks AWS which identity the object's credentials resolve to, into {@code status.auth}. */
        default void checkIdentity(Pass pass) {
        }

        /** Ensures the plugin's AWS resources, setting ResourcesReady and the plugin's status fields. */
        default void ensureResources(Pass pass) {
        }
    }

    private final SinkResolver sinks;
    private final AdapterSettings settings;
    private final boolean preview;

    /**
     * @param crossNamespaceSinks whether a source's sink.ref may name an object in another namespace
     * @param preview whether this is {@code render}: an unresolved sink gets a placeholder instead of a wait
     */
    DesiredPipeline(AdapterSettings settings, boolean crossNamespaceSinks, boolean preview) {
        this.sinks = new SinkResolver(crossNamespaceSinks);
        this.settings = settings;
        this.preview = preview;
    }

    /** Runs every step over {@code pass}; a step the API server refuses ends the pass early. */
    void run(Pass pass, Cluster cluster, LiveSteps live) {
        AwsAuth auth = pass.validated.auth();
        if (auth.iam() != null && !serviceAccount(pass, cluster)) {
            return;
        }
        live.releaseServiceAccounts(pass);
        pass.envPlan = AdapterEnvironment.render(pass.owner, auth);
        credentials(pass, cluster);
        live.checkIdentity(pass);
        if (pass.kind.descriptor().managesAwsResources()) {
            live.ensureResources(pass);
        }
        pass.pluginStatus.forEach(pass.status::field);
        if (pass.kind.descriptor().role() == Role.SOURCE) {
            sink(pass, cluster);
        }
        boolean resourcesReady = pass.status.holdsOrAbsent(Condition.RESOURCES_READY);
        if (resourcesReady && (pass.kind.descriptor().role() == Role.TARGET || pass.sinkUri != null)) {
            workload(pass, cluster);
        } else {
            pass.status.condition(Condition.isFalse(Condition.DEPLOYED, "WaitingForDependencies",
                    "the adapter is deployed once its AWS resources and sink are ready"));
        }
        pass.status.field("ceAttributes", ceAttributes(pass));
    }

    private static boolean serviceAccount(Pass pass, Cluster cluster) {
        StepOutcome<ServiceAccountPlan> step = ServiceAccountStep.desired(pass.owner, pass.validated.auth().iam(),
                cluster);
        try {
            step.changes().forEach(change -> pass.write(cluster, change));
        } catch (KubernetesClientException e) {
            if (!ApiRejection.is(e)) {
                throw e;
            }
            // Without its ServiceAccount the adapter cannot run as intended: report, retry with backoff.
            pass.status.condition(ApiRejection.condition(Condition.SERVICE_ACCOUNT_READY,
                    "write the ServiceAccount of " + pass.owner.displayName(), e, true));
            pass.and(Result.retry(ApiRejection.REASON));
            return false;
        }
        pass.serviceAccountName = step.value().serviceAccountName();
        pass.status.condition(step.condition()).field("serviceAccountName", pass.serviceAccountName);
        return true;
    }

    private static void credentials(Pass pass, Cluster cluster) {
        StepOutcome<Void> owned = CredentialsStep.ownedSecret(pass.owner, pass.envPlan, cluster);
        StepOutcome<String> checked = owned.condition() != null ? StepOutcome.blocked(owned.condition(),
                owned.result()) : null;
        if (checked == null) {
            try {
                owned.changes().forEach(change -> pass.write(cluster, change));
                checked = CredentialsStep.check(pass.owner, pass.envPlan, cluster);
            } catch (KubernetesClientException e) {
                if (!ApiRejection.is(e)) {
                    throw e;
                }
                checked = StepOutcome.blocked(CredentialsStep.rejected(pass.owner, e),
                        Result.retry(ApiRejection.REASON));
            }
        }
        pass.status.condition(checked.condition());
        pass.and(checked.result());
        pass.credentialsVersion = checked.value();
        pass.credentialsHold = checked.condition().holds();
    }

    private void sink(Pass pass, Cluster cluster) {
        Sink sink = pass.validated.sink();
        StepOutcome<String> resolved = sinks.resolve(sink, pass.owner.namespace(), cluster);
        // status is readable by more people than the Secrets: no user info or query token there.
        pass.status.condition(resolved.condition()).field("sinkUri", Redaction.uriForDisplay(resolved.value()));
        pass.sinkUri = resolved.value();
        if (pass.sinkUri == null && preview) {
            pass.sinkUri = SinkResolver.placeholder(sink, pass.owner.namespace());
        } else {
            pass.and(resolved.result());
        }
    }

    private void workload(Pass pass, Cluster cluster) {
        AdapterWorkload workload = adapter(pass.kind.kind(), pass.context());
        AdapterInput input = new AdapterInput(pass.owner, workload, pass.envPlan, pass.sinkUri,
                pass.serviceAccountName, pass.validated.overrides(),
                pass.credentialsVersion, settings);
        String name = AdapterNames.workload(pass.owner);
        StepOutcome<Void> deployment = WorkloadStep.deployment(input, cluster);
        Deployment current = null;
        try {
            for (Change change : deployment.changes()) {
                current = (Deployment) pass.write(cluster, change);
            }
        } catch (KubernetesClientException e) {
            deployment = WorkloadStep.rejected("write Deployment " + name, e);
        }
        StepOutcome<Void> service = deployment.condition() != null ? deployment : WorkloadStep.service(input, cluster);
        if (service.condition() == null) {
            try {
                service.changes().forEach(change -> pass.write(cluster, change));
            } catch (KubernetesClientException e) {
                service = WorkloadStep.rejected("write Service " + name, e);
            }
        }
        if (service.condition() == null) {
            WorkloadStep.previousNames(pass.owner, cluster).changes().forEach(change -> pass.write(cluster, change));
        }
        Condition deployed = service.condition() != null ? service.condition()
                : DeploymentAvailability.condition(current);
        pass.status.condition(deployed);
        pass.and(service.result());
        // Not someone else's Service: a source following this address would send events to their adapter.
        if (workload.receivesHttp() && !Ownership.REASON.equals(deployed.reason())) {
            pass.status.field("address", Map.of("url", AdapterWorkloads.addressUrl(pass.owner)));
        }
    }

    /** One entry per event type the kind emits, with the source its plugin says the adapter uses. */
    private static List<Map<String, String>> ceAttributes(Pass pass) {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> types = pass.kind.descriptor().emittedEventTypes();
        if (types.isEmpty()) {
            return out;
        }
        String source = eventSource(pass.kind.kind(), pass.context());
        for (String type : types) {
            out.add(Map.of("type", type, "source", source));
        }
        return out;
    }

    private static <S> AdapterWorkload adapter(ConnectorKind<S> kind, ObjectContext<?> context) {
        @SuppressWarnings("unchecked")
        ObjectContext<S> typed = (ObjectContext<S>) context;
        return kind.adapter(typed);
    }

    private static <S> String eventSource(ConnectorKind<S> kind, ObjectContext<?> context) {
        @SuppressWarnings("unchecked")
        ObjectContext<S> typed = (ObjectContext<S>) context;
        return kind.eventSource(typed);
    }
}
