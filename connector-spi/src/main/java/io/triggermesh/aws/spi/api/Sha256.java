package io.triggermesh.aws.spi.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lowercase hex, for names and ids that must be stable across versions (shortened resource names,
 * notification ids, event ids, deduplication ids). The outputs are part of what users see in their clusters and
 * AWS accounts: never change how they are computed.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, 64 hex digits. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The SHA-256 of the parts, each as UTF-8 followed by a NUL byte, 64 hex digits; the separator keeps
     * {@code ("ab", "c")} and {@code ("a", "bc")} apart.
     */
    public static String hexOfParts(String... parts) {
        MessageDigest digest = digest();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
