package io.triggermesh.aws.controller.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountNames;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlan;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlanner;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountState;
import io.triggermesh.aws.auth.serviceaccount.Warning;
import io.triggermesh.aws.controller.kube.ServiceAccounts;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the controller would apply for one object, computed without a cluster: what {@code render} prints.
 * The reconciler applies the same builders step by step, with the cluster's answers in between.
 *
 * @param serviceAccount the ServiceAccount to create or update, if any
 * @param ownedSecret the Secret holding literal credentials, if any
 * @param deployment the adapter Deployment
 * @param service a target's Service, if any
 * @param warnings ServiceAccount warnings the controller would report
 */
public record DesiredObjects(Optional<HasMetadata> serviceAccount, Optional<Secret> ownedSecret,
                             HasMetadata deployment, Optional<HasMetadata> service, List<String> warnings) {

    /** The uid a rendered object has not been given yet; the API server assigns it on creation. */
    public static final String UNASSIGNED_UID = "assigned-by-the-api-server";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static DesiredObjects compute(ValidatedObject validated, JsonNode object,
                                         Optional<ServiceAccount> existingServiceAccount, AdapterSettings settings) {
        var descriptor = validated.kind().descriptor();
        JsonNode metadata = object.path("metadata");
        OwnerObject owner = new OwnerObject(descriptor.apiVersion(), descriptor.kind(),
                metadata.path("namespace").asText("default"), metadata.path("name").asText(),
                metadata.path("uid").asText(UNASSIGNED_UID));
        AwsAuth auth = validated.auth();
        List<String> warnings = new ArrayList<>();
        Optional<HasMetadata> serviceAccount = Optional.empty();
        String serviceAccountName = null;
        if (auth.iam() != null) {
            Optional<ServiceAccountState> existing = existingServiceAccount.map(ServiceAccounts::state);
            ServiceAccountPlan plan = ServiceAccountPlanner.plan(owner, auth.iam(), existing
                    .filter(s -> s.name().equals(ServiceAccountNames.serviceAccountName(owner, auth.iam()))));
            serviceAccountName = plan.serviceAccountName();
            plan.warnings().stream().map(Warning::message).forEach(warnings::add);
            serviceAccount = plan.desired().map(state -> ServiceAccounts.create(owner.namespace(), state));
        }
        AdapterEnvPlan env = AdapterEnvironment.render(owner, auth);
        Optional<Secret> secret = env.ownedSecret().map(s -> OwnedSecrets.secret(owner, s));
        Map<String, String> status = Map.of();
        AdapterWorkload workload = workload(validated, owner, object, status);
        AdapterInput input = new AdapterInput(owner, workload, env, sinkUri(object, owner),
                serviceAccountName, read(object, "adapterOverrides", AdapterOverrides.class), null, settings);
        Optional<HasMetadata> service = workload.receivesHttp()
                ? Optional.of(AdapterWorkloads.service(input)) : Optional.empty();
        return new DesiredObjects(serviceAccount, secret, AdapterWorkloads.deployment(input), service, warnings);
    }

    /** Every object, in apply order. */
    public List<HasMetadata> all() {
        List<HasMetadata> out = new ArrayList<>();
        serviceAccount.ifPresent(out::add);
        ownedSecret.ifPresent(out::add);
        out.add(deployment);
        service.ifPresent(out::add);
        return out;
    }

    /** A copy of {@code secret} whose values are replaced, for printing. */
    public static Secret redacted(Secret secret) {
        Map<String, String> data = new TreeMap<>();
        secret.getData().keySet().forEach(key -> data.put(key, "<redacted>"));
        return new SecretBuilder(secret).withData(null).withStringData(data).build();
    }

    /**
     * The sink a source's adapter gets; a ref other than a Service resolves only in a cluster, a ref into another
     * namespace not at all by default.
     */
    private static String sinkUri(JsonNode object, OwnerObject owner) {
        Sink sink = read(object, "sink", Sink.class);
        if (sink == null) {
            return null;
        }
        if (sink.uri() != null) {
            return sink.uri();
        }
        String namespace = SinkRefs.namespace(sink.ref(), owner.namespace());
        if (!namespace.equals(owner.namespace())) {
            // What the controller does by default; render does not know whether an administrator allowed more.
            return "<refused: " + SinkRefs.refusal(sink.ref(), owner.namespace()) + ">";
        }
        if ("v1".equals(sink.ref().apiVersion()) && "Service".equals(sink.ref().kind())) {
            return AdapterWorkloads.serviceUrl(sink.ref().name(), namespace);
        }
        return "<status.address.url of " + sink.ref().kind() + " " + namespace + "/" + sink.ref().name() + ">";
    }

    @SuppressWarnings("unchecked")
    private static <S> AdapterWorkload workload(ValidatedObject validated, OwnerObject owner, JsonNode object,
                                                Map<String, String> status) {
        ConnectorKind<S> kind = (ConnectorKind<S>) validated.kind().kind();
        long generation = object.path("metadata").path("generation").asLong(0);
        return kind.adapter(new ObjectContext<>(owner.kind(), owner.namespace(), owner.name(), owner.uid(),
                generation, (S) validated.spec(), status));
    }

    private static <T> T read(JsonNode object, String field, Class<T> type) {
        JsonNode node = object.path("spec").path(field);
        return node.isMissingNode() || node.isNull() ? null : MAPPER.convertValue(node, type);
    }
}
