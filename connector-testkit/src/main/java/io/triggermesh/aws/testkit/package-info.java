/**
 * The contract test kit for connector authors. Extend {@link io.triggermesh.aws.testkit.ConnectorContractTest} in
 * your connector module's tests, implement a few methods, and get the descriptor checks and the standard auth matrix
 * that every connector shipped with triggermesh-aws passes.
 */
package io.triggermesh.aws.testkit;
