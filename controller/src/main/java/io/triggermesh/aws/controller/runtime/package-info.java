/**
 * Running the controller: informers for every plugin kind and the objects the controller owns, the work queue,
 * leader election with a Lease, metrics and health.
 */
package io.triggermesh.aws.controller.runtime;
