package io.triggermesh.aws.auth.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.SecretKeyRef;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code spec.auth} block from JSON into the model and validates it, reporting every problem at once:
 * unknown fields (with "did you mean"), wrong JSON types, and everything {@link AuthValidator} checks. Never throws
 * on bad input.
 *
 * <p>Reading the JSON ourselves, rather than binding it, is what lets a typo such as {@code roleARN} become a
 * problem with a path instead of being dropped silently or failing the whole object on the first mistake.
 */
public final class AuthParser {

    /** Where the block sits in every connector kind. */
    public static final String SPEC_AUTH = "spec.auth";

    private static final String VALUE_SOURCE_SHAPE =
            "write {value: ...} or {valueFromSecret: {name: <secret>, key: <key>}}";

    private final JsonFieldReader reader;

    private AuthParser(String authPath) {
        this.reader = new JsonFieldReader(authPath);
    }

    /**
     * Reads the auth block of a whole Kubernetes object ({@code spec.auth}).
     *
     * @param object the object as JSON (as the API server returns it)
     */
    public static ParsedAuth parseObject(JsonNode object) {
        if (object == null || !object.isObject()) {
            return parse(null, SPEC_AUTH);
        }
        JsonNode spec = JsonFieldReader.field(object, "spec");
        if (spec != null && !spec.isObject()) {
            return new ParsedAuth(null, List.of(new Problem("spec", "must be an object containing auth")));
        }
        return parse(spec == null ? null : JsonFieldReader.field(spec, "auth"), SPEC_AUTH);
    }

    /**
     * Reads an auth block.
     *
     * @param authNode the block itself; {@code null}, JSON null or a missing node mean it is absent
     * @param basePath the block's JSON path, used as the prefix of every problem path (usually {@value SPEC_AUTH})
     */
    public static ParsedAuth parse(JsonNode authNode, String basePath) {
        return new AuthParser(basePath).run(authNode, basePath);
    }

    private ParsedAuth run(JsonNode authNode, String basePath) {
        AwsAuth auth = null;
        if (authNode != null && !authNode.isNull() && !authNode.isMissingNode()) {
            if (reader.requireObject(authNode, basePath, "set credentials or iam")) {
                auth = readAuth(authNode, basePath);
            }
        }
        List<Problem> all = new ArrayList<>(reader.problems());
        if (auth != null || reader.problems().isEmpty()) {
            for (Problem p : AuthValidator.validate(auth, basePath)) {
                if (!reader.isAlreadyReported(p.path())) {
                    all.add(p);
                }
            }
        }
        return new ParsedAuth(auth, all);
    }

    private AwsAuth readAuth(JsonNode node, String path) {
        reader.rejectUnknownFields(node, path, KnownFields.AUTH);
        return new AwsAuth(
                readCredentials(JsonFieldReader.field(node, "credentials"), path + ".credentials"),
                readIam(JsonFieldReader.field(node, "iam"), path + ".iam"));
    }

    private Credentials readCredentials(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!reader.requireObject(node, path, "set accessKeyID and secretAccessKey")) {
            return new Credentials(null, null, null, null, null);
        }
        reader.rejectUnknownFields(node, path, KnownFields.CREDENTIALS);
        return new Credentials(
                readValueSource(JsonFieldReader.field(node, "accessKeyID"), path + ".accessKeyID"),
                readValueSource(JsonFieldReader.field(node, "secretAccessKey"), path + ".secretAccessKey"),
                readValueSource(JsonFieldReader.field(node, "sessionToken"), path + ".sessionToken"),
                reader.string(node, "assumeIamRole", path),
                readOptions(JsonFieldReader.field(node, "assumeIamRoleOptions"), path + ".assumeIamRoleOptions"));
    }

    private Iam readIam(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!reader.requireObject(node, path, "set roleArn, serviceAccount or both")) {
            return new Iam(null, null, null, null);
        }
        reader.rejectUnknownFields(node, path, KnownFields.IAM);
        return new Iam(
                reader.string(node, "roleArn", path),
                reader.string(node, "serviceAccount", path),
                reader.string(node, "assumeIamRole", path),
                readOptions(JsonFieldReader.field(node, "assumeIamRoleOptions"), path + ".assumeIamRoleOptions"));
    }

    private ValueSource readValueSource(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!reader.requireObject(node, path, VALUE_SOURCE_SHAPE)) {
            return new ValueSource(null, null);
        }
        reader.rejectUnknownFields(node, path, KnownFields.VALUE_SOURCE);
        return new ValueSource(
                reader.string(node, "value", path),
                readSecretKeyRef(JsonFieldReader.field(node, "valueFromSecret"), path + ".valueFromSecret"));
    }

    private SecretKeyRef readSecretKeyRef(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!reader.requireObject(node, path, "set name (the Secret) and key (the key in its data)")) {
            return new SecretKeyRef(null, null);
        }
        reader.rejectUnknownFields(node, path, KnownFields.SECRET_KEY_REF);
        return new SecretKeyRef(reader.string(node, "name", path), reader.string(node, "key", path));
    }

    private AssumeRoleOptions readOptions(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!reader.requireObject(node, path, "set externalId, sessionName or durationSeconds")) {
            return AssumeRoleOptions.none();
        }
        reader.rejectUnknownFields(node, path, KnownFields.ASSUME_ROLE_OPTIONS);
        return new AssumeRoleOptions(
                reader.string(node, "externalId", path),
                reader.string(node, "sessionName", path),
                reader.integer(node, "durationSeconds", path, AuthValidator.DURATION_RANGE));
    }
}
