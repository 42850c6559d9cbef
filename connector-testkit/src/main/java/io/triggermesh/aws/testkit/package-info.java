/**
 * The contract test kit for connector authors. Extend {@link io.triggermesh.aws.testkit.ConnectorContractTest} in
 * your connector module's tests for the descriptor checks, and {@link io.triggermesh.aws.testkit.AuthMatrixContract}
 * in an {@code *IT} test for the standard authentication matrix against an AWS emulator.
 */
package io.triggermesh.aws.testkit;
