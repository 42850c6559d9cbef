package io.triggermesh.aws.testkit;

import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every {@link AdapterWorkload} a plugin returns must follow, whatever the kind and the credential mode:
 * the controller adds the identity and common variables itself, so a plugin that sets them would replace or
 * contradict them (an {@code AWS_*} variable in an IRSA Deployment, for example).
 */
final class WorkloadRules {

    /** Environment variable names Kubernetes accepts (C identifiers plus '-' and '.'). */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** The one AWS_* variable a plugin may set: the region, which the controller sets only when the plugin did not. */
    private static final Set<String> AWS_ALLOWED = Set.of(AdapterEnv.AWS_REGION);
    /** Variables that would change the code the adapter runs. */
    private static final Set<String> PROCESS_ENV =
            Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "LD_PRELOAD", "LD_LIBRARY_PATH");

    private WorkloadRules() {
    }

    /** Every broken rule, one sentence each, naming the kind; empty when the workload is fine. */
    static List<String> problems(KindDescriptor<?> kind, AdapterWorkload workload) {
        String who = kind.kind() + ": adapter()";
        List<String> problems = new ArrayList<>();
        if (workload == null) {
            problems.add(who + " returned null; return AdapterWorkload.source(...) or AdapterWorkload.target(...)");
            return problems;
        }
        if (workload.image().isBlank()) {
            problems.add(who + " returned a blank image; return the adapter's container image");
        }
        if (kind.role() == Role.TARGET) {
            int port = workload.httpPort().orElse(0);
            if (port < 1 || port > 65535) {
                problems.add(who + " must declare the port its adapter receives CloudEvents on: a target returns"
                        + " AdapterWorkload.target(image, env, port) with a port from 1 to 65535");
            }
        } else if (workload.receivesHttp()) {
            problems.add(who + " declares an HTTP port, but a source receives no CloudEvents: return"
                    + " AdapterWorkload.source(image, env)");
        }
        for (Map.Entry<String, String> var : workload.env().entrySet()) {
            problems.addAll(envProblems(who, var.getKey(), var.getValue()));
        }
        return problems;
    }

    private static List<String> envProblems(String who, String name, String value) {
        String sets = who + " sets " + name;
        if (name == null || !ENV_NAME.matcher(name).matches()) {
            return List.of(who + " sets " + (name == null ? "a null name" : "'" + name + "'")
                    + ", which is not an environment variable name (letters, digits, '_', '-', '.')");
        }
        if (value == null) {
            return List.of(sets + " to null; leave the variable out instead");
        }
        if (AdapterEnv.SET_BY_CONTROLLER.contains(name)) {
            return List.of(sets + ", which the controller sets for every adapter " + AdapterEnv.SET_BY_CONTROLLER
                    + "; remove it from the workload's env");
        }
        if (AdapterEnv.STATIC_CREDENTIALS.contains(name)) {
            return List.of(sets + ", a credential: credentials come from spec.auth, rendered by the controller as"
                    + " Secret references, never from a plugin; remove it from the workload's env");
        }
        if (name.startsWith("AWS_") && !AWS_ALLOWED.contains(name)) {
            return List.of(sets + ", which would change the adapter's AWS identity or endpoint outside spec.auth"
                    + " (the controller renders the AWS_* variables of every credential mode); remove it");
        }
        if (PROCESS_ENV.contains(name)) {
            return List.of(sets + ", which would change the code the adapter runs; remove it");
        }
        if (value.contains(ConnectorContractTest.CANARY)) {
            return List.of(sets + " to a value holding the sample's sensitive field (the canary): a Deployment's env"
                    + " is readable by anyone who may read Deployments; pass secrets through Secrets, not env");
        }
        return List.of();
    }
}
