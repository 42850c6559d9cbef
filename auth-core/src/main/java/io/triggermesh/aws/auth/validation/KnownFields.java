package io.triggermesh.aws.auth.validation;

import java.util.List;
import java.util.Map;

/**
 * The fields one JSON object of {@code spec.auth} may have, with the hints used when a field is unknown.
 *
 * @param names the known field names, in the order they are documented
 * @param aliases lower-cased names people write by habit (from Kubernetes or the AWS CLI) mapped to the known field
 *     they mean
 * @param misplaced lower-cased names of fields that exist elsewhere in the block, mapped to where they belong;
 *     {@code {auth}} stands for the path of the auth block and {@code {here}} for this object's path
 * @param namesMayBeSecret whether an unknown field name must not be repeated in a problem, because a value pasted
 *     in the wrong shape (YAML {@code {AKIA...}}) turns into a field name
 */
record KnownFields(
        List<String> names,
        Map<String, String> aliases,
        Map<String, String> misplaced,
        boolean namesMayBeSecret) {

    static final KnownFields AUTH = new KnownFields(
            List.of("credentials", "iam"),
            Map.of("credential", "credentials", "irsa", "iam"),
            Map.of("accesskeyid", "{auth}.credentials",
                    "secretaccesskey", "{auth}.credentials",
                    "sessiontoken", "{auth}.credentials",
                    "rolearn", "{auth}.iam",
                    "serviceaccount", "{auth}.iam"),
            false);

    static final KnownFields CREDENTIALS = new KnownFields(
            List.of("accessKeyID", "secretAccessKey", "sessionToken", "assumeIamRole", "assumeIamRoleOptions"),
            Map.of("secretkey", "secretAccessKey",
                    "accesskey", "accessKeyID",
                    "rolearn", "assumeIamRole",
                    "assumerolearn", "assumeIamRole",
                    "assumerole", "assumeIamRole",
                    "assumeroleoptions", "assumeIamRoleOptions"),
            Map.of("serviceaccount", "{auth}.iam"),
            false);

    static final KnownFields IAM = new KnownFields(
            List.of("roleArn", "serviceAccount", "assumeIamRole", "assumeIamRoleOptions"),
            Map.of("serviceaccountname", "serviceAccount",
                    "role", "roleArn",
                    "assumerolearn", "assumeIamRole",
                    "assumerole", "assumeIamRole",
                    "assumeroleoptions", "assumeIamRoleOptions"),
            Map.of("accesskeyid", "{auth}.credentials",
                    "secretaccesskey", "{auth}.credentials",
                    "sessiontoken", "{auth}.credentials"),
            false);

    static final KnownFields VALUE_SOURCE = new KnownFields(
            List.of("value", "valueFromSecret"),
            Map.of("valuefrom", "valueFromSecret",
                    "secretkeyref", "valueFromSecret",
                    "secretref", "valueFromSecret",
                    "fromsecret", "valueFromSecret"),
            Map.of("name", "{here}.valueFromSecret", "key", "{here}.valueFromSecret"),
            true);

    static final KnownFields SECRET_KEY_REF = new KnownFields(
            List.of("name", "key"),
            Map.of("secretname", "name", "secret", "name", "secretkey", "key"),
            Map.of(),
            false);

    static final KnownFields ASSUME_ROLE_OPTIONS = new KnownFields(
            List.of("externalId", "sessionName", "durationSeconds"),
            Map.of("rolesessionname", "sessionName",
                    "duration", "durationSeconds",
                    "sessionduration", "durationSeconds"),
            Map.of(),
            false);
}
