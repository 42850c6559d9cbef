package io.triggermesh.aws.spi.api;

/**
 * How a value the user wrote appears in a message (a {@link io.triggermesh.aws.spi.Problem}, an Event, a log line,
 * the console): quoted, so that its limits are visible; control characters escaped, so that a {@code \r\n} or an
 * ANSI escape in a name cannot forge a line or recolour a terminal; and cut at {@value #MAX_CHARS} characters, so
 * that a 1 MB field does not become a 1 MB Event. Every message that repeats user input goes through here; secret
 * values are never repeated at all.
 */
public final class Shown {

    /** How many characters of a value a message repeats. */
    public static final int MAX_CHARS = 100;

    private Shown() {
    }

    /**
     * {@code value} in single quotes, escaped and cut to {@value #MAX_CHARS} characters with its full length after
     * it: {@code 'arn:aws:sqs:…' … (1048576 chars)}. {@code null} shows as {@code null}, unquoted.
     */
    public static String quoted(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        boolean cut = text.length() > MAX_CHARS;
        int end = cut && Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        StringBuilder shown = new StringBuilder(MAX_CHARS + 24).append('\'');
        appendEscaped(cut ? text.substring(0, end) : text, shown, true);
        shown.append('\'');
        if (cut) {
            shown.append(" … (").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }

    /**
     * {@code text} with control characters escaped but neither quoted nor cut: for text that is already a message
     * or a path and only must not break lines.
     */
    public static String escaped(String text) {
        if (text == null || text.chars().noneMatch(Shown::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        appendEscaped(text, escaped, false);
        return escaped.toString();
    }

    private static void appendEscaped(String text, StringBuilder out, boolean inQuotes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append(inQuotes ? "\\\\" : "\\");
                case '\'' -> out.append(inQuotes ? "\\'" : "'");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /**
     * C0/C1 controls (ESC starts ANSI sequences), the Unicode line and paragraph separators, and the bidirectional
     * overrides that make text display in another order than it reads.
     */
    private static boolean needsEscape(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
