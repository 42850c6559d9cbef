package io.triggermesh.aws.auth.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StsNamesTest {

    @Test
    void crdPatternsAreTheOnesTheApiHasAlwaysPublished() {
        assertThat(StsNames.SESSION_NAME_PATTERN).isEqualTo("^[\\w+=,.@-]{2,64}$");
        assertThat(StsNames.EXTERNAL_ID_PATTERN).isEqualTo("^[\\w+=,.@:/-]{2,1224}$");
    }

    @Test
    void sessionNamesAreTwoToSixtyFourNameCharacters() {
        assertThat(StsNames.isSessionName("ab")).isTrue();
        assertThat(StsNames.isSessionName("a_b+c=d,e.f@g-h")).isTrue();
        assertThat(StsNames.isSessionName("a")).isFalse();
        assertThat(StsNames.isSessionName("a".repeat(65))).isFalse();
        assertThat(StsNames.isSessionName("a:b")).isFalse();
        assertThat(StsNames.isSessionName(null)).isFalse();
        assertThat(StsNames.hasOnlyNameChars("a:b")).isFalse();
        assertThat(StsNames.hasOnlyNameChars("a")).isTrue();
    }

    @Test
    void externalIdsAlsoTakeColonAndSlash() {
        assertThat(StsNames.isExternalId("urn:x/y")).isTrue();
        assertThat(StsNames.isExternalId("a".repeat(1225))).isFalse();
        assertThat(StsNames.hasOnlyExternalIdChars("a b")).isFalse();
    }

    @Test
    void defaultSessionNameIsTriggermeshNamespaceNameMadeValidAndCut() {
        assertThat(StsNames.defaultSessionName("team-a", "orders")).isEqualTo("triggermesh-team-a-orders");
        assertThat(StsNames.defaultSessionName("team-a", "a/b c")).isEqualTo("triggermesh-team-a-a-b-c");
        assertThat(StsNames.defaultSessionName("n".repeat(63), "x")).hasSize(64).startsWith("triggermesh-n");
        assertThat(StsNames.defaultSessionName(null, "orders")).isEqualTo("triggermesh");
    }

    @Test
    void theCharactersInWordsAreExactlyThePatternsSymbols() {
        assertThat(symbolsIn(StsNames.NAME_CHARS_IN_WORDS)).isEqualTo(acceptedSymbols(false));
        assertThat(symbolsIn(StsNames.EXTERNAL_ID_CHARS_IN_WORDS)).isEqualTo(acceptedSymbols(true));
    }

    private static java.util.Set<String> symbolsIn(String words) {
        assertThat(words).startsWith("letters, digits and ");
        return java.util.Set.of(words.substring("letters, digits and ".length()).split(" "));
    }

    /** The printable ASCII characters other than letters and digits that the pattern accepts. */
    private static java.util.Set<String> acceptedSymbols(boolean externalId) {
        java.util.Set<String> symbols = new java.util.HashSet<>();
        for (char c = '!'; c <= '~'; c++) {
            String one = String.valueOf(c);
            boolean accepted = externalId ? StsNames.hasOnlyExternalIdChars(one) : StsNames.hasOnlyNameChars(one);
            if (accepted && !Character.isLetterOrDigit(c)) {
                symbols.add(one);
            }
        }
        return symbols;
    }
}
