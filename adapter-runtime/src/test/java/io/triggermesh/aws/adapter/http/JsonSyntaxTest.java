package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JsonSyntax against Jackson (EventChecks' parser, its defaults) over generated documents and their mutations. */
class JsonSyntaxTest {

    private static final String JSON = "application/json";

    private static boolean jacksonAccepts(byte[] json) {
        try {
            EventChecks.jackson(json, JSON);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String shown(byte[] json) {
        String text = new String(json, StandardCharsets.ISO_8859_1);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    @Test
    void generatedDocumentsTakeTheFastPathAndJacksonAcceptsThem() {
        Random random = new Random(14);
        for (int k = 0; k < 5_000; k++) {
            byte[] json = ascii(JsonDocuments.value(random, 0));
            assertThat(JsonSyntax.surelyValid(json)).as(shown(json)).isTrue();
            assertThat(jacksonAccepts(json)).as(shown(json)).isTrue();
        }
    }

    @Test
    void aMutatedDocumentIsCalledValidOnlyWhenJacksonAcceptsIt() {
        Random random = new Random(1404);
        List<String> wrong = new ArrayList<>();
        int refusedByJackson = 0;
        int mutants = 0;
        for (int k = 0; k < 3_000; k++) {
            byte[] document = ascii(JsonDocuments.value(random, 0));
            for (int m = 0; m < 12; m++) {
                byte[] mutant = JsonDocuments.mutate(random, document, true);
                mutants++;
                boolean jackson = jacksonAccepts(mutant);
                refusedByJackson += jackson ? 0 : 1;
                if (JsonSyntax.surelyValid(mutant) && !jackson) {
                    wrong.add(shown(mutant));
                }
            }
        }
        assertThat(wrong).as("called valid, but Jackson refuses them").isEmpty();
        // The corpus means something only if many mutants are broken and many are not.
        assertThat(refusedByJackson).isBetween(mutants / 4, mutants * 3 / 4);
    }

    @Test
    void everyPlainAsciiDocumentJacksonAcceptsTakesTheFastPath() {
        // Not needed for safety: it shows the fast path is not needlessly narrow (the cost it saves is real).
        Random random = new Random(2026);
        List<String> missed = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            byte[] document = ascii(JsonDocuments.value(random, 0));
            for (int m = 0; m < 12; m++) {
                byte[] mutant = JsonDocuments.mutate(random, document, false);
                String text = new String(mutant, StandardCharsets.ISO_8859_1);
                boolean plain = text.chars().allMatch(c -> c > 0 && c < 0x80)
                        && !text.matches("(?s).*\\\\u[dD][89a-fA-F].*"); // no surrogate escapes
                if (plain && jacksonAccepts(mutant) && !JsonSyntax.surelyValid(mutant)) {
                    missed.add(shown(mutant));
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void whatJacksonsDefaultsRefuseIsLeftToJackson() {
        List<String> refused = List.of("", " ", "\t\r\n", "01", "-01", "00", "-", "--1", "+1", "1.", ".5", "1.e5", "1e",
                "1e+", "1E-", "0x10", "1_000", "NaN", "-NaN", "Infinity", "-Infinity", "tru", "truex", "nul", "nulll",
                "True", "FALSE", "[1,]", "[,1]", "[1,,2]", "[1 2]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}",
                "{\"a\" 1}", "{a:1}", "{'a':1}", "'a'", "\"a", "\"\\\"", "\"\\x\"", "\"\\'\"", "\"\\u12\"",
                "\"\\u12G4\"", "\"\\U0041\"", "\"a\tb\"", "\"a\nb\"", "\"a\u0000b\"", "\"\u001f\"", "/*c*/1",
                "1/*c*/", "// c\n1", "# c\n1", "1 // c", "{} x", "{}{}", "[][]", "1 2", "\"a\" \"b\"", "[1]]",
                "{}}", "[", "{", "]", "}", "[1", "{\"a\":1", ":", ",", "1,", "\f1", "1\f",
                "\u000b1", "\u00a01", "\u00fe\u00ff{}", "\u00ef\u00bb\u00bf{}{}", "[\"\u00e9\"]");
        for (String text : refused) {
            byte[] json = ascii(text);
            assertThat(JsonSyntax.surelyValid(json)).as(text).isFalse();
            assertThat(jacksonAccepts(json)).as(text).isFalse();
        }
    }

    @Test
    void whatRfc8259AndJacksonBothAcceptIsValid() {
        List<String> valid = List.of("0", "-0", "-0.0e-0", "1E+5", "1e400", "123456789012345678901234567890",
                "0.000001", "true", "false", "null", "\"\"", "[]", "{}", " [ ] ", "\t{\r\n}\n",
                " {\"a\" : [ true , false , null, -1.5e3 , \"x\" ] } \n", "{\"a\":1,\"a\":2}",
                "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00e9\\uFFFF\\uabcd\"", "\"\u007f ~ }{][,:\"",
                "[[[[[[]]]]]]", "{\"\":{\"\":{}}}", "[1,[2,[3,{\"k\":[4]}]]]");
        for (String text : valid) {
            byte[] json = ascii(text);
            assertThat(JsonSyntax.surelyValid(json)).as(text).isTrue();
            assertThat(jacksonAccepts(json)).as(text).isTrue();
        }
    }

    @Test
    void beyondItsOwnNarrowerLimitsJacksonDecides() {
        int depth = JsonSyntax.MAX_DEPTH;
        assertThat(JsonSyntax.surelyValid(ascii("[".repeat(depth) + "]".repeat(depth)))).isTrue();
        assertThat(JsonSyntax.surelyValid(ascii("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)))).isTrue();
        assertThat(JsonSyntax.surelyValid(ascii("[".repeat(depth + 1) + "]".repeat(depth + 1)))).isFalse();
        assertThat(JsonSyntax.surelyValid(ascii("{\"a\":".repeat(depth + 1) + "1" + "}".repeat(depth + 1))))
                .isFalse();
        // Jackson's own nesting limit, 1,000 levels: both sides of it are Jackson's to answer.
        for (int levels : new int[] {1_000, 1_001}) {
            byte[] deep = ascii("[".repeat(levels) + "]".repeat(levels));
            assertThat(JsonSyntax.surelyValid(deep)).isFalse();
            assertThat(jacksonAccepts(deep)).isEqualTo(levels == 1_000);
        }
        String digits = "1".repeat(JsonSyntax.MAX_NUMBER);
        assertThat(JsonSyntax.surelyValid(ascii(digits))).isTrue();
        assertThat(JsonSyntax.surelyValid(ascii("[" + digits + "1]"))).isFalse();
        assertThat(JsonSyntax.surelyValid(ascii("-0." + "0".repeat(JsonSyntax.MAX_NUMBER - 3)))).isTrue();
        assertThat(JsonSyntax.surelyValid(ascii("-0." + "0".repeat(JsonSyntax.MAX_NUMBER - 2)))).isFalse();
        byte[] longNumber = ascii("[" + "1".repeat(1_001) + "]"); // past Jackson's 1,000 digits
        assertThat(JsonSyntax.surelyValid(longNumber)).isFalse();
        assertThat(jacksonAccepts(longNumber)).isFalse();
        String text = "a".repeat(JsonSyntax.MAX_STRING - 1);
        assertThat(JsonSyntax.surelyValid(ascii("\"" + text + "\""))).isTrue();
        assertThat(JsonSyntax.surelyValid(ascii("\"" + text + "a\""))).isFalse();
        byte[] longName = ascii("{\"" + "n".repeat(50_001) + "\":1}"); // past Jackson's 50,000 for a name
        assertThat(JsonSyntax.surelyValid(longName)).isFalse();
        assertThat(jacksonAccepts(longName)).isFalse();
    }

    @Test
    void whatJacksonAcceptsButThisDoesNotReadIsLeftToJackson() {
        List<byte[]> accepted = List.of("[\"caf\u00e9\"]".getBytes(StandardCharsets.UTF_8),
                "\ufeff{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_16BE),
                ascii("\"\\ud83d\\ude00\""), ascii("[\"\\uDFFF\"]"),
                ascii("\u00001"), ascii("1\u0000")); // a zero byte first or second: Jackson reads UTF-16
        for (byte[] json : accepted) {
            assertThat(JsonSyntax.surelyValid(json)).as(Arrays.toString(json)).isFalse();
            assertThat(jacksonAccepts(json)).as(Arrays.toString(json)).isTrue();
        }
    }
}
