package io.triggermesh.aws.controller.reconcile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an object's next {@code status} from its current one. A condition that did not change keeps its
 * {@code lastTransitionTime}, so an unchanged object yields an identical status and no write.
 */
final class StatusBuilder {

    private final Map<String, Object> current;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final long generation;
    private final Clock clock;

    StatusBuilder(Map<String, Object> current, long generation, Clock clock) {
        this.current = current == null ? Map.of() : current;
        this.generation = generation;
        this.clock = clock;
    }

    /** The condition of this type in the current status. */
    Optional<Condition> previous(String type) {
        return previousConditions().stream().filter(c -> c.type().equals(type)).findFirst();
    }

    /** A field of the current status, such as a plugin's {@code queueARN}. */
    Object currentField(String name) {
        return current.get(name);
    }

    /** Whether the condition of this type set in this pass holds; true when none was set. */
    boolean holdsOrAbsent(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst().map(Condition::holds).orElse(true);
    }

    StatusBuilder condition(Condition condition) {
        conditions.removeIf(c -> c.type().equals(condition.type()));
        conditions.add(condition);
        return this;
    }

    StatusBuilder field(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /**
     * The Ready condition summarising the others: the first error-severity one that does not hold decides, and
     * Ready takes its status (False, or Unknown while, say, the Deployment rolls out). Warnings never decide.
     */
    Condition ready(String readyMessage) {
        return conditions.stream().filter(c -> !c.holds() && !c.isWarning()).findFirst()
                .map(c -> new Condition(Condition.READY, c.status(), c.reason(), c.message(), null))
                .orElse(Condition.isTrue(Condition.READY, "Ready", readyMessage));
    }

    /** The new status, with Ready first. */
    Map<String, Object> build(String readyMessage) {
        List<Condition> all = new ArrayList<>();
        all.add(ready(readyMessage));
        all.addAll(conditions);
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (Condition next : all) {
            Condition before = previous(next.type()).orElse(null);
            String time = next.sameAs(before) && before.lastTransitionTime() != null
                    ? before.lastTransitionTime() : now;
            rendered.add(next.at(time).toMap());
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", generation);
        status.put("conditions", rendered);
        status.putAll(fields);
        return status;
    }

    /** Whether {@code next} differs from the current status (numbers compared by value). */
    boolean differs(Map<String, Object> next) {
        return !Json.normalise(next).equals(Json.normalise(current));
    }

    private List<Condition> previousConditions() {
        Object list = current.get("conditions");
        List<Condition> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    out.add(Condition.fromMap(map));
                }
            }
        }
        return out;
    }
}
