package io.triggermesh.aws.spi.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a name that is not known: the known name that differs only by case or by one edit (one
 * insertion, deletion, substitution or swap of neighbours). The one rule for every unknown-field message.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The known name {@code unknown} was probably meant to be, if one is close enough. */
    public static Optional<String> suggest(String unknown, Collection<String> known) {
        // Case first: accessKeyId and roleARN are by far the most common slips.
        for (String name : known) {
            if (name.equalsIgnoreCase(unknown)) {
                return Optional.of(name);
            }
        }
        String lower = unknown.toLowerCase(Locale.ROOT);
        for (String name : known) {
            if (withinOneEdit(lower, name.toLowerCase(Locale.ROOT))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
    public static boolean withinOneEdit(String a, String b) {
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
