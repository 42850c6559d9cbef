package io.triggermesh.aws.auth.iam;

import io.triggermesh.aws.auth.iam.IamStatement.Effect;
import io.triggermesh.aws.spi.IamPermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An identity-based IAM policy document: a version and a list of statements with unique Sids.
 *
 * @param version the policy language version, {@value #VERSION} (or the legacy {@code 2008-10-17})
 * @param statements the statements, in document order
 */
public record IamPolicy(String version, List<IamStatement> statements) {

    /** The current policy language version; the only one that supports policy variables. */
    public static final String VERSION = "2012-10-17";
    private static final String LEGACY_VERSION = "2008-10-17";

    public IamPolicy {
        if (!VERSION.equals(version) && !LEGACY_VERSION.equals(version)) {
            throw new IllegalArgumentException("unknown policy Version: " + version);
        }
        statements = List.copyOf(statements);
        Set<String> sids = new HashSet<>();
        for (IamStatement statement : statements) {
            if (statement.sid() != null && !sids.add(statement.sid())) {
                throw new IllegalArgumentException(
                        "Sid " + statement.sid() + " appears twice; IamPolicy.merge renames clashing Sids");
            }
        }
    }

    public static IamPolicy of(IamStatement... statements) {
        return new IamPolicy(VERSION, List.of(statements));
    }

    /**
     * One Allow statement per permission, in the order given, with every {@code ${placeholder}} replaced by its value,
     * or by {@code *} when it has none (which gives the policy for the kind in general).
     */
    public static IamPolicy from(List<IamPermission> permissions, Map<String, String> placeholderValues) {
        Map<String, String> values = placeholderValues == null ? Map.of() : placeholderValues;
        return new IamPolicy(VERSION, permissions.stream()
                .map(permission -> IamStatement.from(permission.resolve(values)))
                .toList());
    }

    /** Parses a policy document; see {@link #toJson()} for what is supported. */
    public static IamPolicy parse(String json) {
        return IamPolicyJson.parse(json);
    }

    public static IamPolicy merge(IamPolicy... policies) {
        return merge(List.of(policies));
    }

    /**
     * One policy granting what all of them grant, in a canonical form that does not depend on the order of the
     * inputs (plugins are discovered in class-path order):
     * <ul>
     *   <li>statements with the same effect, resources (as a set) and condition become one, with the sorted union of
     *       their actions and the smallest of their Sids;</li>
     *   <li>statements are ordered by Sid (those without one last), then by effect, resources and condition;</li>
     *   <li>a Sid that two remaining statements share gets a number on the later one ({@code Sid2}, {@code Sid3},
     *       ...), skipping numbers already in use.</li>
     * </ul>
     */
    public static IamPolicy merge(Collection<IamPolicy> policies) {
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        for (IamPolicy policy : policies) {
            for (IamStatement statement : policy.statements()) {
                GroupKey key = new GroupKey(statement.effect(), new TreeSet<>(statement.resources()),
                        statement.condition());
                Group group = groups.computeIfAbsent(key, k -> new Group());
                group.actions.addAll(statement.actions());
                if (statement.sid() != null) {
                    group.sids.add(statement.sid());
                }
            }
        }
        List<IamStatement> merged = new ArrayList<>();
        groups.forEach((key, group) -> merged.add(new IamStatement(
                group.sids.isEmpty() ? null : group.sids.first(), key.effect(), List.copyOf(group.actions),
                List.copyOf(key.resources()), key.condition())));
        merged.sort(CANONICAL_ORDER);
        return new IamPolicy(VERSION, uniqueSids(merged));
    }

    /** Every action any statement names, sorted. */
    public SortedSet<String> actions() {
        TreeSet<String> actions = new TreeSet<>();
        statements.forEach(statement -> actions.addAll(statement.actions()));
        return actions;
    }

    /**
     * The document as AWS accepts it, pretty-printed with a stable layout: {@code Version}, {@code Statement}; in each
     * statement {@code Sid}, {@code Effect}, {@code Action}, {@code Resource}, {@code Condition}. Action, Resource and
     * condition values are always lists, which AWS accepts for one value too.
     */
    public String toJson() {
        return IamPolicyJson.write(this, true);
    }

    /** The same document without whitespace, for API calls (policy size limits count characters). */
    public String toCompactJson() {
        return IamPolicyJson.write(this, false);
    }

    private static final Comparator<IamStatement> CANONICAL_ORDER = Comparator
            .comparing(IamStatement::sid, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(IamStatement::effect)
            .thenComparing(statement -> String.join("\n", statement.resources()))
            .thenComparing(statement -> statement.condition().toString());

    private static List<IamStatement> uniqueSids(List<IamStatement> sorted) {
        Set<String> used = new HashSet<>();
        sorted.forEach(statement -> used.add(statement.sid()));
        Set<String> kept = new HashSet<>();
        List<IamStatement> out = new ArrayList<>(sorted.size());
        for (IamStatement statement : sorted) {
            String sid = statement.sid();
            if (sid == null || kept.add(sid)) {
                out.add(statement);
                continue;
            }
            int n = 2;
            while (used.contains(sid + n)) {
                n++;
            }
            used.add(sid + n);
            kept.add(sid + n);
            out.add(statement.withSid(sid + n));
        }
        return out;
    }

    private record GroupKey(Effect effect, SortedSet<String> resources,
                            Map<String, Map<String, List<String>>> condition) {
    }

    private static final class Group {
        private final SortedSet<String> actions = new TreeSet<>();
        private final TreeSet<String> sids = new TreeSet<>();
    }
}
