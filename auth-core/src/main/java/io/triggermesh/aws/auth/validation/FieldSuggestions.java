package io.triggermesh.aws.auth.validation;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for unknown field names: a known field that differs only by case or by one edit. */
final class FieldSuggestions {

    private FieldSuggestions() {
    }

    /** The known field {@code unknown} was probably meant to be, if one is close enough. */
    static Optional<String> suggest(String unknown, KnownFields fields) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        // Case first: accessKeyId and roleARN are by far the most common slips.
        for (String known : fields.names()) {
            if (known.equalsIgnoreCase(unknown)) {
                return Optional.of(known);
            }
        }
        String alias = fields.aliases().get(lower);
        if (alias != null) {
            return Optional.of(alias);
        }
        for (String known : fields.names()) {
            if (withinOneEdit(lower, known.toLowerCase(Locale.ROOT))) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (isAdjacentSwap(a, b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        if (shorter.length() == longer.length()) {
            return i == shorter.length() || shorter.substring(i + 1).equals(longer.substring(i + 1));
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    private static boolean isAdjacentSwap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length()
                && a.charAt(i) == b.charAt(i + 1)
                && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }
}
