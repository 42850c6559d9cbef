package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.spi.api.Sha256;

/** Short, stable digests for change detection (never of secret values). */
final class Digests {

    private Digests() {
    }

    /** The first 16 hex digits of the SHA-256 of {@code text}. */
    static String short16(String text) {
        return Sha256.hex(text).substring(0, 16);
    }
}
