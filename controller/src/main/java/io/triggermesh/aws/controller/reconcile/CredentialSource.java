package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;

/**
 * Where an object's AWS identity comes from, reduced to a fingerprint for the identity cache: the namespace, the
 * Secret names and keys (and, through {@code credentialsVersion}, their resourceVersions), the roles, the
 * ExternalId, the session name and the ServiceAccount. Never the credential values: a literal value counts only
 * through the version of the Secret the controller keeps it in, which changes when the value does.
 *
 * <p>Objects that share a source share a check. The session name is part of the identity an STS hop yields, so a
 * chain with a hop whose session name is the per-object default is per object.
 */
final class CredentialSource {

    private CredentialSource() {
    }

    /**
     * @param credentialsVersion a digest of the resourceVersions of the Secrets the object references (including
     *     the one holding its literal values); null when it references none
     */
    static String fingerprint(OwnerObject owner, AwsAuth auth, String serviceAccountName, String credentialsVersion) {
        StringBuilder source = new StringBuilder(owner.namespace()).append('|').append(AuthMode.of(auth).label());
        // Stands for the default session name (derived from the object's namespace and name).
        String defaultSession = "default:" + owner.namespace() + "/" + owner.name();
        if (auth.credentials() != null) {
            Credentials c = auth.credentials();
            source.append("|key=").append(ref(c.accessKeyID())).append("|secret=").append(ref(c.secretAccessKey()))
                    .append("|token=").append(ref(c.sessionToken()));
            hop(source, c.assumeIamRole(), c.assumeIamRoleOptions(), defaultSession);
        } else if (auth.iam() != null) {
            Iam iam = auth.iam();
            source.append("|role=").append(iam.roleArn()).append("|sa=").append(serviceAccountName);
            if (iam.roleArn() != null) {
                source.append("|session=").append(defaultSession);
            }
            hop(source, iam.assumeIamRole(), iam.assumeIamRoleOptions(), defaultSession);
        }
        source.append("|secrets=").append(credentialsVersion);
        return Digests.short16(source.toString());
    }

    private static void hop(StringBuilder source, String roleArn, AssumeRoleOptions options, String defaultSession) {
        if (roleArn == null) {
            return;
        }
        AssumeRoleOptions o = options == null ? AssumeRoleOptions.none() : options;
        // The ExternalId only ever enters the digest, which stays in memory.
        source.append("|assume=").append(roleArn).append("|externalId=").append(o.externalId())
                .append("|session=").append(o.sessionName() == null ? defaultSession : o.sessionName())
                .append("|duration=").append(o.durationSeconds());
    }

    private static String ref(ValueSource value) {
        if (value == null) {
            return "-";
        }
        return value.isSecretRef() ? value.valueFromSecret().name() + "/" + value.valueFromSecret().key() : "literal";
    }
}
