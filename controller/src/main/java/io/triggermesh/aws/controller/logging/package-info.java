/**
 * The controller's own log output: a logback layout that passes every formatted line, stack traces included,
 * through the credential redactor, so the temporary keys STS issues for objects never reach the log at any level.
 */
package io.triggermesh.aws.controller.logging;
