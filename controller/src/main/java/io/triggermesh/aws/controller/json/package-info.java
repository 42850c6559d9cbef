/** The controller's Jackson mappers: one home, so that every conversion and digest uses the same configuration. */
package io.triggermesh.aws.controller.json;
