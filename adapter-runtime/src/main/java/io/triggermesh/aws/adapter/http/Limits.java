package io.triggermesh.aws.adapter.http;

import java.time.Duration;

/**
 * What a receiver allows each client, so that slow or large requests cannot take its memory or its connections.
 *
 * @param maxBodyBytes the largest request body; larger ones get 413
 * @param bodyBudgetBytes the request-body bytes all connections together may hold ({@link BodyBudget}); past it,
 *     503 with {@code Retry-After} and the connection is closed
 * @param maxConnections open connections; further ones get 503 with {@code Retry-After} and are closed
 * @param headerTimeout from the first byte of a request to the end of its head; past it, 408 and close
 * @param bodyTimeout from the end of a request's head to the end of its body; past it, 408 and close
 */
record Limits(int maxBodyBytes, long bodyBudgetBytes, int maxConnections, Duration headerTimeout,
        Duration bodyTimeout) {

    Limits {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        long forLarge = bodyBudgetBytes - BodyBudget.smallShare(bodyBudgetBytes);
        if (forLarge < maxBodyBytes) {
            throw new IllegalArgumentException("bodyBudgetBytes " + bodyBudgetBytes + " leaves " + forLarge
                    + " bytes for large requests (a quarter is kept for small ones), less than one body of"
                    + " maxBodyBytes " + maxBodyBytes + ": raise bodyBudgetBytes to at least "
                    + (maxBodyBytes * 4L + 2) / 3);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        positive(headerTimeout, "headerTimeout");
        positive(bodyTimeout, "bodyTimeout");
    }

    private static void positive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + timeout);
        }
    }
}
