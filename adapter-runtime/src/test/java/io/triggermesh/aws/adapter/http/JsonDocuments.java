package io.triggermesh.aws.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random JSON documents (ASCII, within JsonSyntax's limits, every construct RFC 8259 has) and random damage to them:
 * the kinds of mistake and of Jackson leniency a fast JSON check could get wrong.
 */
final class JsonDocuments {

    private static final String[] WHITE = {"", "", "", " ", "\t", "\n", "\r\n", "  "};
    private static final String ESCAPES = "\"\\/bfnrt";
    /** Bytes worth inserting: structure, number parts, escapes, control characters, DEL, non-ASCII, comments. */
    private static final String DAMAGE = "{}[],:\"\\/*#'0123456789-+.eEuxtfnaNI \t\n\r\f\u0000\u0001\u001f\u007f"
            + "\u0080\u00a0\u00c3\u00ef\u00ff";
    private static final String[] SPLICES = {"//c\n", "/*c*/", "#c\n", "NaN", "Infinity", "-Infinity", ",", ",]",
        ",}", "00", "-0", "01", "1.", ".1", "+1", "1e", "'a'", "{a:1}", "\"\\u12\"", "\"\\ud800\"",
        "\u00ef\u00bb\u00bf", "\"\\x\"", "[", "]", "{", "}", "true", "nul", "1 2", "{}", "\"\t\""};

    private JsonDocuments() {
    }

    static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 5 ? 4 : 6);
        String value = switch (kind) {
            case 0 -> string(random);
            case 1 -> number(random);
            case 2 -> new String[] {"true", "false", "null"}[random.nextInt(3)];
            case 3 -> string(random);
            case 4 -> container(random, depth, '[', ']', false);
            default -> container(random, depth, '{', '}', true);
        };
        return white(random) + value + white(random);
    }

    private static String container(Random random, int depth, char open, char close, boolean object) {
        StringBuilder json = new StringBuilder().append(open).append(white(random));
        int size = random.nextInt(5);
        for (int k = 0; k < size; k++) {
            if (k > 0) {
                json.append(',');
            }
            if (object) {
                json.append(white(random)).append(string(random)).append(white(random)).append(':');
            }
            json.append(value(random, depth + 1));
        }
        return json.append(close).toString();
    }

    private static String string(Random random) {
        StringBuilder json = new StringBuilder("\"");
        int length = random.nextInt(12);
        for (int k = 0; k < length; k++) {
            int pick = random.nextInt(10);
            if (pick == 0) {
                json.append('\\').append(ESCAPES.charAt(random.nextInt(ESCAPES.length())));
            } else if (pick == 1) {
                int unit = random.nextInt(0xD800); // surrogates are Jackson's to judge
                json.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", unit));
            } else {
                char c = (char) (0x20 + random.nextInt(0x60)); // printable ASCII and DEL
                json.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    private static String number(Random random) {
        StringBuilder json = new StringBuilder(random.nextBoolean() ? "-" : "");
        json.append(random.nextInt(4) == 0 ? "0" : String.valueOf(1 + random.nextInt(Integer.MAX_VALUE)));
        if (random.nextBoolean()) {
            json.append('.').append(random.nextInt(1_000_000));
        }
        if (random.nextInt(3) == 0) {
            json.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                    .append(random.nextInt(400));
        }
        return json.toString();
    }

    private static String white(Random random) {
        return WHITE[random.nextInt(WHITE.length)];
    }

    /**
     * One random change: truncated, a byte inserted, deleted, replaced or swapped, a splice in it, before or after it,
     * or (with deeper) nested around JsonSyntax's nesting limit.
     */
    static byte[] mutate(Random random, byte[] document, boolean deeper) {
        String json = new String(document, StandardCharsets.ISO_8859_1);
        int at = random.nextInt(json.length() + 1);
        int next = Math.min(json.length(), at + 1);
        int levels = JsonSyntax.MAX_DEPTH - 3 + random.nextInt(6); // around its nesting limit, not always matched
        String damaged = switch (random.nextInt(deeper ? 9 : 8)) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + DAMAGE.charAt(random.nextInt(DAMAGE.length())) + json.substring(at);
            case 2 -> json.substring(0, at) + json.substring(next);
            case 3 -> json.substring(0, at) + DAMAGE.charAt(random.nextInt(DAMAGE.length())) + json.substring(next);
            case 4 -> next + 1 <= json.length()
                    ? json.substring(0, at) + json.charAt(next) + json.charAt(at) + json.substring(next + 1) : json;
            case 5 -> json.substring(0, at) + SPLICES[random.nextInt(SPLICES.length)] + json.substring(at);
            case 6 -> json + SPLICES[random.nextInt(SPLICES.length)];
            case 8 -> "[".repeat(levels) + json + "]".repeat(levels - 1 + random.nextInt(3));
            default -> SPLICES[random.nextInt(SPLICES.length)] + json;
        };
        return damaged.getBytes(StandardCharsets.ISO_8859_1);
    }
}
