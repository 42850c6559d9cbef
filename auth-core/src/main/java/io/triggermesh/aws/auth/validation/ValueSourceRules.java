package io.triggermesh.aws.auth.validation;

import io.triggermesh.aws.auth.model.SecretKeyRef;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.Problem;
import java.util.List;

/**
 * The rules for one credential value ({@code accessKeyID}, {@code secretAccessKey}, {@code sessionToken}).
 * Literal values are secret: the messages describe them but never include them.
 */
final class ValueSourceRules {

    private final List<Problem> problems;

    /** @param problems where problems are added */
    ValueSourceRules(List<Problem> problems) {
        this.problems = problems;
    }

    void checkRequired(ValueSource source, String path, String exampleKey) {
        if (source == null) {
            problems.add(new Problem(path, "is required: set valueFromSecret (name: <secret>, key: " + exampleKey
                    + ") to read it from a Secret in this namespace, or value"));
            return;
        }
        check(source, path, exampleKey);
    }

    void check(ValueSource source, String path, String exampleKey) {
        boolean literal = source.value() != null;
        boolean fromSecret = source.valueFromSecret() != null;
        if (literal && fromSecret) {
            problems.add(new Problem(path, "sets both value and valueFromSecret: keep only one (valueFromSecret keeps"
                    + " the credential out of the object)"));
        } else if (!literal && !fromSecret) {
            problems.add(new Problem(path, "is empty: set valueFromSecret (name: <secret>, key: " + exampleKey
                    + ") or value"));
        }
        if (literal) {
            checkLiteral(source.value(), path + ".value");
        }
        if (fromSecret) {
            checkSecretRef(source.valueFromSecret(), path + ".valueFromSecret", exampleKey);
        }
    }

    private void checkLiteral(String value, String path) {
        if (value.isBlank()) {
            problems.add(new Problem(path, "is empty: set the credential, or use valueFromSecret to read it from a"
                    + " Secret"));
        } else if (!value.strip().equals(value)) {
            problems.add(new Problem(path, "has leading or trailing whitespace, which AWS credentials never contain"
                    + " (often a copied newline): remove it"));
        }
    }

    private void checkSecretRef(SecretKeyRef ref, String path, String exampleKey) {
        if (ref.name() == null) {
            problems.add(new Problem(path + ".name", "is required: set the name of a Secret in this object's"
                    + " namespace"));
        } else {
            KubernetesNames.subdomainProblem(ref.name()).ifPresent(reason -> problems.add(new Problem(
                    path + ".name", reason + ": a Secret name must be a DNS-1123 subdomain ("
                            + KubernetesNames.SUBDOMAIN_RULE + ")")));
        }
        if (ref.key() == null) {
            problems.add(new Problem(path + ".key", "is required: set the key in the Secret's data, for example "
                    + exampleKey));
        } else {
            KubernetesNames.secretKeyProblem(ref.key()).ifPresent(reason -> problems.add(new Problem(
                    path + ".key", reason + ": a Secret data key uses " + KubernetesNames.SECRET_KEY_RULE)));
        }
    }
}
