/**
 * The common reconcile every connector kind goes through: validation, ServiceAccount, credentials, managed AWS
 * resources, the adapter workload, status and Events, and deletion with a finalizer. Kind-specific behaviour comes
 * only from the plugin's hooks.
 */
package io.triggermesh.aws.controller.reconcile;
