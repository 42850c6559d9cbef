package io.triggermesh.aws.spi.api;

import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks behind {@link AdapterOverrides#problemsOf}: the Kubernetes rules the API server would otherwise enforce
 * only when the controller applies the Deployment, where the error no longer points at the user's field.
 */
final class AdapterOverridesRules {

    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final String LABEL_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("(" + Dns1123.SUBDOMAIN + "/)?" + LABEL_NAME);
    private static final Pattern LABEL_VALUE = Pattern.compile("(" + LABEL_NAME + ")?");
    /** The API server's limit on the keys and values of all annotations of an object together, in bytes. */
    static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;
    private static final int MAX_KEY_PREFIX = Dns1123.MAX_SUBDOMAIN_LENGTH;
    private static final String QUANTITY_EXAMPLES = "use for example 100m or 0.5 for cpu, 128Mi or 1Gi for memory";
    private static final Set<String> OPERATORS = Set.of("Equal", "Exists");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    /*
     * The credential variables the controller renders from spec.auth as secretKeyRefs. A plain override would put a
     * credential in the Deployment in clear text and silently replace the configured identity.
     */
    private static final Set<String> CREDENTIAL_ENV = AdapterEnv.STATIC_CREDENTIALS;
    /*
     * Variables that would change the adapter's identity or code without going through spec.auth: every AWS_*
     * variable (role, web identity, endpoint, profile), the JVM's option hooks and the dynamic linker's preload.
     */
    private static final Set<String> PROCESS_ENV =
            Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "LD_PRELOAD", "LD_LIBRARY_PATH");
    /** Variables the controller sets for every adapter. */
    private static final Set<String> CONTROLLER_ENV = AdapterEnv.SET_BY_CONTROLLER;

    private AdapterOverridesRules() {
    }

    static List<Problem> problems(AdapterOverrides overrides, String path) {
        List<Problem> problems = new ArrayList<>();
        envProblems(overrides.env(), path + ".env", problems);
        resourceProblems(overrides.resources(), path + ".resources", problems);
        labelProblems(overrides.labels(), path + ".labels", true, problems);
        labelProblems(overrides.annotations(), path + ".annotations", false, problems);
        labelProblems(overrides.nodeSelector(), path + ".nodeSelector", true, problems);
        tolerationProblems(overrides.tolerations(), path + ".tolerations", problems);
        return problems;
    }

    private static void envProblems(List<AdapterOverrides.Env> env, String path, List<Problem> problems) {
        if (env == null) {
            return;
        }
        for (int i = 0; i < env.size(); i++) {
            String name = env.get(i).name();
            String at = path + "[" + i + "].name";
            if (name == null || name.isEmpty()) {
                problems.add(new Problem(at, "is required"));
            } else if (!ENV_NAME.matcher(name).matches()) {
                problems.add(new Problem(at, Shown.quoted(name) + " is not a valid environment variable name: use letters,"
                        + " digits, '_', '-' and '.', not starting with a digit"));
            } else if (CREDENTIAL_ENV.contains(name)) {
                problems.add(new Problem(at, name + " is set from spec.auth and must not be overridden: put the"
                        + " credentials in spec.auth.credentials (valueFromSecret) instead"));
            } else if (name.startsWith("AWS_")) {
                problems.add(new Problem(at, name + " would change the adapter's AWS identity or endpoint outside"
                        + " spec.auth: configure it through spec.auth (or the controller's AWS settings) instead"));
            } else if (PROCESS_ENV.contains(name)) {
                problems.add(new Problem(at, name + " would change the code the adapter runs and is not allowed;"
                        + " use adapterOverrides.resources for memory settings"));
            } else if (CONTROLLER_ENV.contains(name)) {
                problems.add(new Problem(at, name + " is set by the controller for every adapter and cannot be"
                        + " overridden"));
            }
        }
    }

    private static void resourceProblems(AdapterOverrides.Resources resources, String path, List<Problem> problems) {
        if (resources == null) {
            return;
        }
        Map<String, Quantity> requests = quantities(resources.requests(), path + ".requests", problems);
        Map<String, Quantity> limits = quantities(resources.limits(), path + ".limits", problems);
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(request -> {
            Quantity limit = limits.get(request.getKey());
            if (limit != null && request.getValue().value().compareTo(limit.value()) > 0) {
                problems.add(new Problem(path + ".requests." + request.getKey(),
                        Shown.quoted(resources.requests().get(request.getKey())) + " is more than the limit "
                                + Shown.quoted(resources.limits().get(request.getKey())) + " in " + path + ".limits."
                                + request.getKey() + ": a request can be at most its limit; lower the request or"
                                + " raise the limit"));
            }
        });
    }

    /** The quantities that parse, keyed by resource name; a problem for each that does not. */
    private static Map<String, Quantity> quantities(Map<String, String> quantities, String path,
                                                    List<Problem> problems) {
        Map<String, Quantity> parsed = new HashMap<>();
        if (quantities == null) {
            return parsed;
        }
        quantities.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Quantity.Result result = Quantity.parse(e.getValue());
            result.quantity().ifPresentOrElse(q -> parsed.put(e.getKey(), q), () -> problems.add(new Problem(
                    path + "." + e.getKey(), Shown.quoted(e.getValue()) + " " + result.problem() + ": "
                            + QUANTITY_EXAMPLES)));
        });
        return parsed;
    }

    private static void labelProblems(Map<String, String> entries, String path, boolean checkValues,
                                      List<Problem> problems) {
        if (entries == null) {
            return;
        }
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!isQualifiedName(e.getKey())) {
                problems.add(new Problem(path + "." + e.getKey(), Shown.quoted(e.getKey()) + " is not a valid key: use"
                        + " an optional DNS prefix of at most 253 characters and '/', then at most 63 letters,"
                        + " digits, '-', '_' and '.', starting and ending with a letter or digit, for example"
                        + " example.com/team"));
            } else if (checkValues && !LABEL_VALUE.matcher(e.getValue()).matches()) {
                problems.add(new Problem(path + "." + e.getKey(), Shown.quoted(e.getValue()) + " is not a valid"
                        + " label value: use at most 63 letters, digits, '-', '_' and '.', starting and ending with a"
                        + " letter or digit"));
            }
        });
        if (!checkValues) {
            long bytes = entries.entrySet().stream().mapToLong(e -> utf8Length(e.getKey()) + utf8Length(e.getValue()))
                    .sum();
            if (bytes > MAX_ANNOTATIONS_BYTES) {
                problems.add(new Problem(path, "keys and values add up to " + bytes + " bytes; Kubernetes allows at"
                        + " most " + MAX_ANNOTATIONS_BYTES + " (256 KiB) for all annotations of an object: keep large"
                        + " data in a ConfigMap instead"));
            }
        }
    }

    private static boolean isQualifiedName(String key) {
        int slash = key.indexOf('/');
        return QUALIFIED_NAME.matcher(key).matches() && slash <= MAX_KEY_PREFIX;
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void tolerationProblems(List<AdapterOverrides.Toleration> tolerations, String path,
                                           List<Problem> problems) {
        if (tolerations == null) {
            return;
        }
        for (int i = 0; i < tolerations.size(); i++) {
            AdapterOverrides.Toleration t = tolerations.get(i);
            String at = path + "[" + i + "]";
            String operator = t.operator() == null || t.operator().isEmpty() ? "Equal" : t.operator();
            if (!OPERATORS.contains(operator)) {
                problems.add(new Problem(at + ".operator", Shown.quoted(operator) + " is not an operator: use Equal or"
                        + " Exists"));
            }
            if (operator.equals("Exists") && t.value() != null && !t.value().isEmpty()) {
                problems.add(new Problem(at + ".value", "must be empty when the operator is Exists"));
            }
            if ((t.key() == null || t.key().isEmpty()) && operator.equals("Equal")) {
                problems.add(new Problem(at + ".key", "is required unless the operator is Exists"));
            }
            boolean hasEffect = t.effect() != null && !t.effect().isEmpty();
            if (hasEffect && !EFFECTS.contains(t.effect())) {
                problems.add(new Problem(at + ".effect", Shown.quoted(t.effect()) + " is not a taint effect: use"
                        + " NoSchedule, PreferNoSchedule or NoExecute"));
            }
            if (t.tolerationSeconds() != null && !"NoExecute".equals(t.effect())) {
                problems.add(new Problem(at + ".tolerationSeconds", "applies only to the NoExecute effect: set"
                        + " effect: NoExecute or remove tolerationSeconds"));
            }
        }
    }
}
