package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.Problem;
import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void valuesAreQuoted() {
        assertThat(Shown.quoted("my-queue")).isEqualTo("'my-queue'");
        assertThat(Shown.quoted("it's")).isEqualTo("'it\\'s'");
        assertThat(Shown.quoted(null)).isEqualTo("null");
    }

    @Test
    void controlCharactersCannotStartALineOrAnAnsiSequence() {
        String shown = Shown.quoted("a\r\nok       forged\u001b[2K\u2028\u202e");

        assertThat(shown).isEqualTo("'a\\r\\nok       forged\\u001b[2K\\u2028\\u202e'");
        assertThat(shown.chars()).noneMatch(Character::isISOControl);
    }

    @Test
    void longValuesAreCutAndSayHowLongTheyWere() {
        String shown = Shown.quoted("x".repeat(1_000_000));

        assertThat(shown).isEqualTo("'" + "x".repeat(Shown.MAX_CHARS) + "' … (1000000 chars)");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String shown = Shown.quoted("x".repeat(Shown.MAX_CHARS - 1) + "😀" + "y".repeat(10));

        assertThat(shown).startsWith("'" + "x".repeat(Shown.MAX_CHARS - 1) + "'");
    }

    @Test
    void everyProblemIsOneLineEvenWhenAMessageForgotToQuote() {
        Problem problem = new Problem("spec.labels.a\nb", "'x\r\ninvalid' is wrong");

        assertThat(problem.toString()).doesNotContain("\n").doesNotContain("\r")
                .isEqualTo("spec.labels.a\\nb: 'x\\r\\ninvalid' is wrong");
    }
}
