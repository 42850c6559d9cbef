package io.triggermesh.aws.s3.adapter.target;

import io.cloudevents.CloudEvent;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The object key an event is written to.
 *
 * <ul>
 *   <li>With a {@code subject}: the subject itself, when it is a safe key; an unsafe one is refused (the sender gets
 *       a 400), never rewritten, so that no two events silently share a key. Unsafe: longer than S3's 1024 bytes,
 *       starting with {@code /}, containing a {@code .} or {@code ..} path segment or a control character, or not
 *       valid Unicode. (The original used the subject unchecked.)</li>
 *   <li>Without: {@code <type>/<source>/<id>}, each part URL-encoded (so a {@code /} inside the source cannot
 *       create or escape a folder) and a part that is only dots written as {@code %2E}s. {@code source} and {@code id}
 *       identify a CloudEvent, so a redelivered event overwrites its own object and two events never share one. (The
 *       original used {@code type/source/time}: events without time overwrote each other.) A derived key over 1024
 *       bytes becomes {@code <type, shortened>/<SHA-256 of type, source and id>}.</li>
 * </ul>
 */
public final class ObjectKeys {

    /** S3's limit for keys, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("[/\\\\]");
    private static final int SHORTENED_TYPE_CHARS = 200;

    private ObjectKeys() {
    }

    /** The key for {@code event}, or why its subject cannot be one. */
    public static KeyChoice keyFor(CloudEvent event) {
        String subject = event.getSubject();
        if (subject != null && !subject.isEmpty()) {
            return unsafeReason(subject).<KeyChoice>map(KeyChoice.Unsafe::new)
                    .orElseGet(() -> new KeyChoice.Key(subject));
        }
        return new KeyChoice.Key(derived(event.getType(), event.getSource().toString(), event.getId()));
    }

    /** Why {@code key} is not safe to write, or empty when it is. Never quotes the key (it may be long). */
    public static Optional<String> unsafeReason(String key) {
        if (key.isEmpty()) {
            return Optional.of("is empty");
        }
        byte[] utf8;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(key));
            utf8 = new byte[encoded.remaining()];
            encoded.get(utf8);
        } catch (CharacterCodingException e) {
            return Optional.of("is not valid Unicode");
        }
        if (utf8.length > MAX_KEY_BYTES) {
            return Optional.of("is " + utf8.length + " bytes long; S3 keys have at most " + MAX_KEY_BYTES);
        }
        if (key.startsWith("/")) {
            return Optional.of("starts with '/'");
        }
        if (key.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("contains a control character");
        }
        for (String segment : SEGMENT_SEPARATOR.split(key, -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("contains a '" + segment + "' path segment");
            }
        }
        return Optional.empty();
    }

    /** {@code <type>/<source>/<id>}, encoded; hashed when it would be too long. */
    static String derived(String type, String source, String id) {
        String key = part(type) + "/" + part(source) + "/" + part(id);
        if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
            return key;
        }
        String shortType = part(type);
        if (shortType.length() > SHORTENED_TYPE_CHARS) {
            shortType = shortType.substring(0, SHORTENED_TYPE_CHARS);
        }
        return shortType + "/" + sha256Hex(type, source, id);
    }

    private static String part(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> c == '.')) {
            return "%2E".repeat(value.length());
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A usable key, or why the event's subject is not one. */
    public sealed interface KeyChoice {

        /** @param key the object key */
        record Key(String key) implements KeyChoice {
        }

        /** @param reason completes "the subject ..." */
        record Unsafe(String reason) implements KeyChoice {
        }
    }
}
