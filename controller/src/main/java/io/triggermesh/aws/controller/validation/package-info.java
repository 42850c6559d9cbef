/** Checking a connector object the way the controller does before acting on it: auth, spec and plugin rules. */
package io.triggermesh.aws.controller.validation;
