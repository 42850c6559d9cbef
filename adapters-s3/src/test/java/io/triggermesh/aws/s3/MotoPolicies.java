package io.triggermesh.aws.s3;

import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.testing.MotoPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3 connector's declared policies in the form {@link MotoPolicy} rewrites for moto's IAM evaluation
 * (docs/testing.md), and the edits the minimality proofs make to them.
 */
final class MotoPolicies {

    private MotoPolicies() {
    }

    /** {@code resolved} (placeholders already filled) as a policy document moto evaluates like AWS would. */
    static String forMoto(List<IamPermission> resolved) {
        return MotoPolicy.of(resolved.stream().map(p -> new MotoPolicy.Grant(p.actions(), p.resources())).toList(),
                null);
    }

    /** {@code permissions} without {@code action}; statements left with no action are dropped. */
    static List<IamPermission> without(List<IamPermission> permissions, String action) {
        List<IamPermission> out = new ArrayList<>();
        for (IamPermission permission : permissions) {
            List<String> actions = permission.actions().stream().filter(a -> !a.equals(action)).toList();
            if (!actions.isEmpty()) {
                out.add(new IamPermission(permission.sid(), actions, permission.resources()));
            }
        }
        return out;
    }

    /** Every action of {@code permissions}, each once. */
    static List<String> actions(List<IamPermission> permissions) {
        return permissions.stream().flatMap(p -> p.actions().stream()).distinct().toList();
    }
}
