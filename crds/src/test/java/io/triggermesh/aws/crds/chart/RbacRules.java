package io.triggermesh.aws.crds.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes RBAC authorisation of one ServiceAccount, evaluated from rendered Roles, ClusterRoles and their
 * bindings: which API requests the rules allow. The mock API server authorises nothing, so the test asks this.
 */
final class RbacRules {

    /** One API request, as RBAC sees it. */
    record Request(String verb, String group, String resource, String subresource, String namespace, String name,
                   String method, String path) {

        String describe() {
            return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource
                    + (subresource.isEmpty() ? "" : "/" + subresource)
                    + (namespace.isEmpty() ? " (cluster)" : " in " + namespace)
                    + (name.isEmpty() ? "" : " name " + name) + "  [" + method + " " + path + "]";
        }
    }

    private record Grant(String namespace, JsonNode rule) {
    }

    private final List<Grant> grants = new ArrayList<>();

    /** The rules bound to {@code namespace/serviceAccount} among the rendered objects. */
    RbacRules(Chart.Rendered rendered, String namespace, String serviceAccount) {
        for (ObjectNode binding : rendered.objects()) {
            String kind = binding.path("kind").asText();
            if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
                continue;
            }
            boolean bound = false;
            for (JsonNode subject : binding.path("subjects")) {
                bound |= subject.path("kind").asText().equals("ServiceAccount")
                        && subject.path("name").asText().equals(serviceAccount)
                        && subject.path("namespace").asText().equals(namespace);
            }
            if (!bound) {
                continue;
            }
            String roleKind = binding.at("/roleRef/kind").asText();
            String bindingNamespace = kind.equals("RoleBinding") ? binding.at("/metadata/namespace").asText() : "";
            ObjectNode role = rendered.objects().stream()
                    .filter(o -> o.path("kind").asText().equals(roleKind))
                    .filter(o -> o.at("/metadata/name").asText().equals(binding.at("/roleRef/name").asText()))
                    .filter(o -> roleKind.equals("ClusterRole")
                            || o.at("/metadata/namespace").asText().equals(bindingNamespace))
                    .findFirst().orElseThrow(() -> new AssertionError("binding to a missing role: " + binding));
            role.path("rules").forEach(rule -> grants.add(new Grant(bindingNamespace, rule)));
        }
    }

    boolean allows(Request request) {
        for (Grant grant : grants) {
            if (!grant.namespace().isEmpty() && !grant.namespace().equals(request.namespace())) {
                continue;
            }
            JsonNode rule = grant.rule();
            String resource = request.subresource().isEmpty() ? request.resource()
                    : request.resource() + "/" + request.subresource();
            boolean names = !rule.has("resourceNames") || rule.path("resourceNames").isEmpty()
                    || (!request.name().isEmpty() && contains(rule.path("resourceNames"), request.name()));
            if (contains(rule.path("apiGroups"), request.group()) && contains(rule.path("resources"), resource)
                    && contains(rule.path("verbs"), request.verb()) && names) {
                return true;
            }
        }
        return false;
    }

    /**
     * The RBAC view of an HTTP request to the API; empty for non-resource URLs (discovery, /version), which every
     * authenticated client may read.
     */
    static Optional<Request> of(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        String[] parts = uri.getPath().replaceAll("^/+", "").split("/");
        int index;
        String group;
        if (parts.length >= 2 && parts[0].equals("api")) {
            group = "";
            index = 2;
        } else if (parts.length >= 3 && parts[0].equals("apis")) {
            group = parts[1];
            index = 3;
        } else {
            return Optional.empty();
        }
        List<String> rest = List.of(parts).subList(Math.min(index, parts.length), parts.length);
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String namespace = "";
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : "";
        String subresource = rest.size() > 2 ? rest.get(2) : "";
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String verb = switch (method) {
            case "GET" -> name.isEmpty() ? (query.contains("watch=true") ? "watch" : "list") : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name.isEmpty() ? "deletecollection" : "delete";
            default -> method.toLowerCase();
        };
        return Optional.of(new Request(verb, group, resource, subresource, namespace, name, method, pathAndQuery));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
