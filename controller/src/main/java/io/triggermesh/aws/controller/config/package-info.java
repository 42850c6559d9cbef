/** The controller's configuration ({@code triggermesh.controller.*}), with documented defaults. */
package io.triggermesh.aws.controller.config;
