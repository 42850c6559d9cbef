/** Offline commands of the controller jar: pure functions of manifests and plugin declarations, no cluster. */
package io.triggermesh.aws.controller.cli;
