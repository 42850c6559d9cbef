package io.triggermesh.aws.auth.validation;

import io.triggermesh.aws.spi.api.DidYouMean;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for unknown field names of {@code spec.auth}: the SPI's {@link DidYouMean} rule (case, then
 * one edit), with the block's own aliases (names people write by habit) tried before the edit distance.
 */
final class FieldSuggestions {

    private FieldSuggestions() {
    }

    /** The known field {@code unknown} was probably meant to be, if one is close enough. */
    static Optional<String> suggest(String unknown, KnownFields fields) {
        for (String known : fields.names()) {
            if (known.equalsIgnoreCase(unknown)) {
                return Optional.of(known);
            }
        }
        String alias = fields.aliases().get(unknown.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return Optional.of(alias);
        }
        return DidYouMean.suggest(unknown, fields.names());
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
    static boolean withinOneEdit(String a, String b) {
        return DidYouMean.withinOneEdit(a, b);
    }
}
