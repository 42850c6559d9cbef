package io.triggermesh.aws.spi.api;

/** Redaction of values that may carry secrets, for {@code toString()} of spec types. */
public final class Redaction {

    /** What a redacted value prints as. */
    public static final String MASK = "***";

    private Redaction() {
    }

    /**
     * {@code uri} with any {@code user:password@} part masked; {@code null} stays {@code null}. Works on text that is
     * not a valid URI too, since it is used for values that have not been validated yet.
     */
    public static String uriWithoutUserInfo(String uri) {
        if (uri == null) {
            return null;
        }
        int schemeEnd = uri.indexOf("://");
        int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int authorityEnd = indexOfAny(uri, authorityStart, "/?#");
        int at = uri.lastIndexOf('@', authorityEnd - 1);
        if (at < authorityStart) {
            return uri;
        }
        return uri.substring(0, authorityStart) + MASK + uri.substring(at);
    }

    /**
     * {@code uri} as status, Events, consoles and logs may show it: the {@code user:password@} part masked as by
     * {@link #uriWithoutUserInfo}, and the query and fragment masked too, since sinks often take a token there
     * ({@code ?token=…}). {@code null} stays {@code null}. Whoever needs the URI to send to it gets it whole elsewhere.
     */
    public static String uriForDisplay(String uri) {
        String shown = uriWithoutUserInfo(uri);
        if (shown == null) {
            return null;
        }
        int query = indexOfAny(shown, 0, "?#");
        if (query == shown.length()) {
            return shown;
        }
        return shown.substring(0, query + 1) + MASK;
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
