package io.triggermesh.aws.spi.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one redactor for text that may carry AWS credentials: messages built from AWS errors (AWS echoes the
 * canonical request, with the access key id and {@code x-amz-security-token}, in {@code SignatureDoesNotMatch} and
 * {@code InvalidClientTokenId} messages), SDK debug lines, exception messages and stack traces.
 *
 * <p>It masks, in this order:
 * <ol>
 *   <li>the values it knows (an object's access key id, secret key, session token, ExternalId), longest first so a
 *       value containing another is masked whole; nulls and values shorter than {@value #MIN_KNOWN_LENGTH}
 *       characters are ignored, as they would mask ordinary words;</li>
 *   <li>credential-shaped text, known or not: {@code AKIA…}/{@code ASIA…} access key ids, the value of
 *       {@code X-Amz-Security-Token} in header ({@code X-Amz-Security-Token: …}), canonical-request
 *       ({@code x-amz-security-token:…}) and query ({@code X-Amz-Security-Token=…}) form, the key id in
 *       {@code Credential=…/}, {@code Signature=} hex, bearer and other non-SigV4 {@code Authorization} values,
 *       JSON Web Tokens (ServiceAccount and web identity tokens), session tokens standing alone (by the fixed
 *       prefixes AWS's tokens start with), and secret fields as STS, the CLI and credential files write them ({@code "SecretAccessKey":"…"}, {@code <SessionToken>…</SessionToken>},
 *       {@code aws_secret_access_key = …}).</li>
 * </ol>
 * The shapes are what catches temporary credentials issued by STS, which nobody configured and so nobody knows.
 */
public final class CredentialRedactor {

    /** What a masked value prints as. */
    public static final String MASK = Redaction.MASK;

    /** Known values shorter than this are not masked: real keys and tokens are far longer. */
    public static final int MIN_KNOWN_LENGTH = 4;

    private static final CredentialRedactor SHAPES = new CredentialRedactor(List.of());

    // Field names whose values are secrets; STS answers in XML (query protocol), the CLI and container endpoints in
    // JSON, credential files as key = value.
    private static final String SECRET_FIELDS = "aws_secret_access_key|aws_session_token|aws_security_token"
            + "|secret_?access_?key|session_?token|x-amz-security-token";
    // Where an unquoted value ends: tokens are base64 or URL-encoded, so none of these is part of one.
    private static final String VALUE_END = "\\s&'\"<>,;)\\]}";

    /** A replacement: what to find, and the groups to keep before ({@code 1}) and after ({@code 3}) the value. */
    private record Shape(Pattern pattern, boolean keepsSuffix) {
        String mask(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            do {
                String replacement = m.group(1) + MASK + (keepsSuffix ? m.group(3) : "");
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            } while (m.find());
            m.appendTail(out);
            return out.toString();
        }
    }

    private static final List<Shape> SHAPES_IN_ORDER = List.of(
            // <SessionToken>…</SessionToken>, <SecretAccessKey>…</SecretAccessKey> (STS's XML answers)
            new Shape(Pattern.compile("(?i)(<(SecretAccessKey|SessionToken|Token)>)[^<]*(</\\2>)"), true),
            // "SecretAccessKey": "…", "Token":"…", 'aws_session_token': '…'
            new Shape(Pattern.compile("(?i)([\"'](?:" + SECRET_FIELDS + "|Token)[\"']\\s*[:=]\\s*[\"'])"
                    + "([^\"']*)([\"'])"), true),
            // X-Amz-Security-Token: …, x-amz-security-token:…, X-Amz-Security-Token=…, aws_secret_access_key = …;
            // not a field path ("spec.auth.credentials.sessionToken: is required") nor a short word after a name.
            new Shape(Pattern.compile("(?i)((?<![.\\w-])(?:" + SECRET_FIELDS + ")\\s*[:=]\\s*)([^" + VALUE_END
                    + "]{8,})"), false),
            // Credential=AKIA…/20260101/…, X-Amz-Credential=AKIA…%2F…: the key id part
            new Shape(Pattern.compile("(?i)(\\b(?:X-Amz-)?Credential=)([^/%\\s,&'\"]+)((?:/|%2F))"), true),
            // Signature=hex, X-Amz-Signature=hex
            new Shape(Pattern.compile("(?i)(\\b(?:X-Amz-)?Signature=)([0-9a-f]{16,})()"), true),
            // Authorization: Bearer …, Authorization: <token> (the EKS Pod Identity agent's), {Authorization: …} as
            // the JDK's HTTP client logs headers; a SigV4 header keeps its readable parts (the shapes below mask
            // its key id and signature)
            new Shape(Pattern.compile("(?i)(\\bAuthorization\\s*[:=]\\s*(?:Bearer\\s+)?)(?!AWS4-HMAC)"
                    + "([^\\s,;}\\]\"']+)()"), true),
            // JSON Web Tokens (ServiceAccount tokens, web identity tokens): base64url header and payload that both
            // start with {"
            new Shape(Pattern.compile("()(eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*)()"), true),
            // Session tokens standing alone (an error that quotes one bare): AWS's tokens are base64 that starts with
            // one of a few fixed prefixes (IQoJb3JpZ2luX2Vj… regional STS, FwoGZXIvYXdz…/FQoGZXIvYXdz… global
            // STS, AQoDYXdz… older ones), and no ordinary text holds 60 more base64 characters after one
            new Shape(Pattern.compile("()(?<![A-Za-z0-9+/])((?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz)"
                    + "[A-Za-z0-9+/=]{60,})()"), true),
            // Access key ids, long-term (AKIA) and temporary (ASIA), wherever they stand
            new Shape(Pattern.compile("()(?<![A-Z0-9])(A[KS]IA[A-Z0-9]{16})(?![A-Z0-9])()"), true));

    private final List<String> known;

    private CredentialRedactor(List<String> known) {
        this.known = known;
    }

    /** A redactor that knows no values and masks only credential-shaped text. */
    public static CredentialRedactor shapes() {
        return SHAPES;
    }

    /** {@code text} with credential-shaped parts masked; {@code null} stays {@code null}. */
    public static String redactShapes(String text) {
        return SHAPES.redact(text);
    }

    /** A redactor that masks these values (nulls and very short values are ignored) and credential shapes. */
    public static CredentialRedactor knowing(Collection<String> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            return SHAPES;
        }
        return new CredentialRedactor(values.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(v -> v.length() >= MIN_KNOWN_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    /** As {@link #knowing(Collection)}; {@code null} values are allowed and ignored. */
    public static CredentialRedactor knowing(String... values) {
        return knowing(Arrays.asList(values));
    }

    /** This redactor, knowing {@code more} values too. */
    public CredentialRedactor and(Collection<String> more) {
        return knowing(Stream.concat(known.stream(), more.stream()).toList());
    }

    /** {@code text} with every known value and every credential-shaped part masked; {@code null} stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String value : known) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        for (Shape shape : SHAPES_IN_ORDER) {
            result = shape.mask(result);
        }
        return result;
    }

    /** How many values are known; never the values. */
    public int knownValues() {
        return known.size();
    }

    @Override
    public String toString() {
        return "CredentialRedactor[" + known.size() + " values]";
    }
}
