/**
 * Benchmark programs (not tests: no {@code Test}/{@code IT} suffix, so neither surefire nor failsafe runs them). See
 * docs/benchmarks.md for how to run them and what they measured.
 */
package io.triggermesh.aws.s3.bench;
