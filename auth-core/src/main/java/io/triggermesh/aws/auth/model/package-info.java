/**
 * The {@code spec.auth} block shared by every AWS kind, with the JSON names of the original TriggerMesh API plus
 * additive, optional extensions (assume-role options and assuming a role on top of IRSA). Values are immutable;
 * {@code toString()} never prints secret material.
 */
package io.triggermesh.aws.auth.model;
