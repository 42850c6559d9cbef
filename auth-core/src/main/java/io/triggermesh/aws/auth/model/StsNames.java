package io.triggermesh.aws.auth.model;

import java.util.regex.Pattern;

/**
 * The characters and lengths STS accepts in a role session name and an ExternalId (IAM role names use the same
 * characters as session names), and the default session name: the one definition. The CRD patterns of
 * {@link AssumeRoleOptions} are built from these constants; the admission checks, the credential builders, the
 * rendered adapter environment and local mode call the methods.
 */
public final class StsNames {

    /** The characters of IAM and STS names ({@code [\w+=,.@-]}) without the '-', which a class must end with. */
    private static final String NAME_CHAR_SET = "\\w+=,.@";
    /** One character of a role session name or an IAM role name. */
    public static final String NAME_CHAR = "[" + NAME_CHAR_SET + "-]";
    /** One character of an ExternalId: the name characters plus ':' and '/'. */
    public static final String EXTERNAL_ID_CHAR = "[" + NAME_CHAR_SET + ":/-]";

    public static final int MIN_LENGTH = 2;
    /** STS limit for RoleSessionName. */
    public static final int MAX_SESSION_NAME_LENGTH = 64;
    public static final int MAX_EXTERNAL_ID_LENGTH = 1224;

    /** {@link #NAME_CHAR} in words, for messages. */
    public static final String NAME_CHARS_IN_WORDS = "letters, digits and _ + = , . @ -";
    /** {@link #EXTERNAL_ID_CHAR} in words, for messages. */
    public static final String EXTERNAL_ID_CHARS_IN_WORDS = "letters, digits and _ + = , . @ : / -";

    /** A role session name, anchored, for {@code @FieldSchema(pattern = ...)}. */
    public static final String SESSION_NAME_PATTERN =
            "^" + NAME_CHAR + "{" + MIN_LENGTH + "," + MAX_SESSION_NAME_LENGTH + "}$";
    /** An ExternalId, anchored, for {@code @FieldSchema(pattern = ...)}. */
    public static final String EXTERNAL_ID_PATTERN =
            "^" + EXTERNAL_ID_CHAR + "{" + MIN_LENGTH + "," + MAX_EXTERNAL_ID_LENGTH + "}$";

    /** The session name used when none is configured, and when the object is not known. */
    public static final String DEFAULT_SESSION_NAME = "triggermesh";

    private static final Pattern SESSION_NAME = Pattern.compile(SESSION_NAME_PATTERN);
    private static final Pattern EXTERNAL_ID = Pattern.compile(EXTERNAL_ID_PATTERN);
    private static final Pattern NAME_CHARS = Pattern.compile(NAME_CHAR + "*");
    private static final Pattern EXTERNAL_ID_CHARS = Pattern.compile(EXTERNAL_ID_CHAR + "*");
    private static final String NOT_A_NAME_CHAR = "[^" + NAME_CHAR_SET + "-]";

    private StsNames() {
    }

    /** Whether {@code name} is a valid role session name (characters and length). */
    public static boolean isSessionName(String name) {
        return name != null && SESSION_NAME.matcher(name).matches();
    }

    /** Whether {@code id} is a valid ExternalId (characters and length). */
    public static boolean isExternalId(String id) {
        return id != null && EXTERNAL_ID.matcher(id).matches();
    }

    /** Whether {@code text} has only characters of IAM and STS names (of any length, empty included). */
    public static boolean hasOnlyNameChars(String text) {
        return text != null && NAME_CHARS.matcher(text).matches();
    }

    /** Whether {@code text} has only characters of an ExternalId (of any length, empty included). */
    public static boolean hasOnlyExternalIdChars(String text) {
        return text != null && EXTERNAL_ID_CHARS.matcher(text).matches();
    }

    /** {@code raw} with every character STS does not accept in a session name replaced by '-', cut to 64. */
    public static String sessionName(String raw) {
        String valid = raw.replaceAll(NOT_A_NAME_CHAR, "-");
        return valid.length() <= MAX_SESSION_NAME_LENGTH ? valid : valid.substring(0, MAX_SESSION_NAME_LENGTH);
    }

    /**
     * {@code triggermesh-<namespace>-<name>} made a valid session name, so that CloudTrail shows which object acted;
     * {@code triggermesh} when namespace or name is missing (an adapter started without NAME/NAMESPACE).
     */
    public static String defaultSessionName(String namespace, String name) {
        if (namespace == null || name == null || namespace.isBlank() || name.isBlank()) {
            return DEFAULT_SESSION_NAME;
        }
        return sessionName(DEFAULT_SESSION_NAME + "-" + namespace + "-" + name);
    }
}
