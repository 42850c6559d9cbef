package io.triggermesh.aws.adapter.http;

/**
 * A quick, allocation-free "yes, this is one well-formed JSON value" for the small ASCII bodies nearly every event
 * carries, so that {@link EventChecks} need not set up a Jackson parser per event: for a body of a hundred bytes that
 * set-up, not the parsing, is most of what the check costs (docs/benchmarks.md, "Target: calls in flight").
 *
 * <p>It answers yes only where Jackson, with the factory defaults {@link EventChecks} uses, takes the same bytes:
 * the RFC 8259 grammar, which is Jackson's with its lenient features off (no comments, single quotes, unquoted names,
 * leading zeros or plus signs, NaN, trailing or missing values, unquoted control characters, escapes of any other
 * character), one value and nothing after it but the four JSON white-space bytes. Beyond that it stays well inside
 * Jackson's limits and input handling: ASCII only (no UTF-8 decoding, no byte-order mark, no UTF-16 or UTF-32
 * detection: none of those starts with a byte this accepts), no {@code \}{@code u} escape of a surrogate, at most
 * {@value #MAX_DEPTH} levels (Jackson: 1,000), numbers of at most {@value #MAX_NUMBER} characters (Jackson: 1,000)
 * and strings of at most {@value #MAX_STRING} bytes (Jackson: 50,000 characters for a name, 20,000,000 for a value).
 * Everything else is "don't know", and Jackson decides, with its own error messages. The one thing not mirrored is
 * Jackson's guard against hash collisions in its table of field names, a table this never fills.
 * {@code JsonSyntaxTest} holds it to Jackson's answers over generated documents and their mutations.
 */
final class JsonSyntax {

    static final int MAX_DEPTH = 64; // one bit per level in a long
    static final int MAX_NUMBER = 100;
    static final int MAX_STRING = 10_000;

    private JsonSyntax() {
    }

    /** True when the bytes are surely one JSON value that Jackson takes; false when Jackson has to decide. */
    static boolean surelyValid(byte[] json) {
        int n = json.length;
        long objects = 0; // bit d set: the container d levels down is an object, clear: an array
        int depth = 0;
        int i = space(json, 0);
        while (true) {
            // A value starts at i.
            if (i >= n) {
                return false;
            }
            byte c = json[i];
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    return false;
                }
                boolean object = c == '{';
                objects = object ? objects | 1L << depth : objects & ~(1L << depth);
                depth++;
                i = space(json, i + 1);
                if (i < n && json[i] == (object ? '}' : ']')) {
                    depth--;
                    i++;
                } else {
                    if (object && (i = member(json, i)) < 0) {
                        return false;
                    }
                    continue;
                }
            } else if ((i = scalar(json, i, c)) < 0) {
                return false;
            }
            // After a value: the ends of the containers it closes, then a comma before the next value, or the end.
            while (true) {
                i = space(json, i);
                if (depth == 0) {
                    return i == n;
                }
                if (i >= n) {
                    return false;
                }
                boolean object = (objects >>> (depth - 1) & 1) != 0;
                c = json[i];
                if (c == ',') {
                    i = space(json, i + 1);
                    if (object && (i = member(json, i)) < 0) {
                        return false;
                    }
                    break;
                }
                if (c != (object ? '}' : ']')) {
                    return false;
                }
                depth--;
                i++;
            }
        }
    }

    /** A name and its colon from i on: where its value starts, or -1. */
    private static int member(byte[] json, int i) {
        if (i >= json.length || json[i] != '"' || (i = string(json, i)) < 0) {
            return -1;
        }
        i = space(json, i);
        return i < json.length && json[i] == ':' ? space(json, i + 1) : -1;
    }

    private static int scalar(byte[] json, int i, byte c) {
        return switch (c) {
            case '"' -> string(json, i);
            case 't' -> word(json, i, "true");
            case 'f' -> word(json, i, "false");
            case 'n' -> word(json, i, "null");
            default -> c == '-' || c >= '0' && c <= '9' ? number(json, i) : -1;
        };
    }

    /** A literal's end; a letter right after it ({@code truex}) is refused by what may follow a value. */
    private static int word(byte[] json, int i, String word) {
        if (i + word.length() > json.length) {
            return -1;
        }
        for (int k = 1; k < word.length(); k++) {
            if (json[i + k] != word.charAt(k)) {
                return -1;
            }
        }
        return i + word.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}: its end, or -1. */
    private static int number(byte[] json, int start) {
        int n = json.length;
        int i = start;
        if (json[i] == '-') {
            i++;
        }
        if (i < n && json[i] == '0') {
            i++; // a digit after it (a leading zero) is refused by what may follow a value
        } else if ((i = digits(json, i)) < 0) {
            return -1;
        }
        if (i < n && json[i] == '.' && (i = digits(json, i + 1)) < 0) {
            return -1;
        }
        if (i < n && (json[i] == 'e' || json[i] == 'E')) {
            i++;
            if (i < n && (json[i] == '+' || json[i] == '-')) {
                i++;
            }
            if ((i = digits(json, i)) < 0) {
                return -1;
            }
        }
        return i - start <= MAX_NUMBER ? i : -1;
    }

    /** One or more digits from i on: where they end, or -1. */
    private static int digits(byte[] json, int i) {
        int start = i;
        while (i < json.length && json[i] >= '0' && json[i] <= '9') {
            i++;
        }
        return i > start ? i : -1;
    }

    /** A string from its opening quote at i: the index after its closing quote, or -1. */
    private static int string(byte[] json, int start) {
        int n = json.length;
        int i = start + 1;
        while (i < n) {
            byte c = json[i];
            if (c == '"') {
                return i - start <= MAX_STRING ? i + 1 : -1;
            }
            if (c < 0x20) { // control characters, and every non-ASCII byte (bytes are signed)
                return -1;
            }
            if (c != '\\') {
                i++;
            } else if (i + 1 < n && "\"\\/bfnrt".indexOf(json[i + 1]) >= 0) {
                i += 2;
            } else if (i + 5 < n && json[i + 1] == 'u') {
                int unit = 0;
                for (int k = i + 2; k < i + 6; k++) {
                    int digit = Character.digit(json[k], 16);
                    if (digit < 0) {
                        return -1;
                    }
                    unit = unit << 4 | digit;
                }
                if (unit >= 0xD800 && unit <= 0xDFFF) {
                    return -1;
                }
                i += 6;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Past the white space Jackson and RFC 8259 both skip: space, tab, line feed, carriage return. */
    private static int space(byte[] json, int i) {
        while (i < json.length) {
            byte c = json[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }
}
