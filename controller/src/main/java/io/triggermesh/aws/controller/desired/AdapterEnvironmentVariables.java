package io.triggermesh.aws.controller.desired;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adapter container's environment, in a fixed order: common variables, the plugin's, the credentials (Secret references only), then the user's overrides. Same input, same list, so an unchanged object
 * never rewrites its Deployment.
 */
public final class AdapterEnvironmentVariables {

    private AdapterEnvironmentVariables() {
    }

    public static List<EnvVar> of(AdapterInput input) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put(AdapterEnv.NAME, input.owner().name());
        plain.put(AdapterEnv.NAMESPACE, input.owner().namespace());
        // The image's entrypoint, adapter-runtime's launcher, starts the adapter registered for this kind.
        plain.put(AdapterEnv.KIND, input.owner().kind());
        if (input.sinkUri() != null) {
            plain.put(AdapterEnv.K_SINK, input.sinkUri());
        }
        Map<String, String> connector = new TreeMap<>(input.workload().env());
        connector.putIfAbsent(AdapterEnv.AWS_REGION, input.settings().region());
        input.settings().endpointOverride()
                .ifPresent(uri -> connector.putIfAbsent(AdapterEnv.AWS_ENDPOINT_URL, uri.toString()));
        connector.forEach(plain::putIfAbsent);

        List<EnvVar> env = new ArrayList<>();
        plain.forEach((name, value) -> env.add(AdapterWorkloads.plain(name, value)));
        for (io.triggermesh.aws.auth.env.EnvVar var : input.authEnv().env()) {
            env.add(var.isSecretRef() ? secretRef(var) : AdapterWorkloads.plain(var.name(), var.value()));
        }
        List<AdapterOverrides.Env> overrides = input.overrides().env();
        if (overrides != null) {
            for (AdapterOverrides.Env var : overrides) {
                if (env.stream().noneMatch(e -> e.getName().equals(var.name()))) {
                    env.add(AdapterWorkloads.plain(var.name(), var.value() == null ? "" : var.value()));
                }
            }
        }
        return env;
    }

    private static EnvVar secretRef(io.triggermesh.aws.auth.env.EnvVar var) {
        return new EnvVarBuilder()
                .withName(var.name())
                .withNewValueFrom()
                    .withNewSecretKeyRef().withName(var.secretRef().name()).withKey(var.secretRef().key())
                    .endSecretKeyRef()
                .endValueFrom()
                .build();
    }
}
