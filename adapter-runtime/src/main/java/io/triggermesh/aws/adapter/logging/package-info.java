/**
 * Logging of adapter processes: one redacting handler on {@code java.util.logging}, which receives our
 * {@link java.lang.System.Logger} output and the AWS SDK's SLF4J output, so no credential value is ever written, at
 * any level, whatever path it took into a message.
 */
package io.triggermesh.aws.adapter.logging;
