package io.triggermesh.aws.auth.credentials;

/** Default STS role session names: {@code triggermesh-<namespace>-<name>}, made valid and at most 64 characters. */
final class SessionNames {

    static final String FALLBACK = "triggermesh";
    private static final int MAX_LENGTH = 64;

    private SessionNames() {
    }

    /** A valid session name for the object; namespace and name may be null (adapters without NAME/NAMESPACE). */
    static String forObject(String namespace, String name) {
        if (namespace == null || name == null || namespace.isBlank() || name.isBlank()) {
            return FALLBACK;
        }
        String raw = FALLBACK + "-" + namespace + "-" + name;
        String valid = raw.replaceAll("[^\\w+=,.@-]", "-");
        return valid.length() <= MAX_LENGTH ? valid : valid.substring(0, MAX_LENGTH);
    }
}
