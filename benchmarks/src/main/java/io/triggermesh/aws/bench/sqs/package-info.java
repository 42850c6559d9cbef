/**
 * The SQS adapters' benchmark ({@link io.triggermesh.aws.bench.sqs.SqsBenchmarks}): AWSSQSSource against a raw SDK
 * loop and Apache Camel, AWSSQSTarget against raw sends and no-op HTTP servers, and the adapters as processes. A
 * program, not a test; docs/benchmarks.md has the command and the figures.
 */
package io.triggermesh.aws.bench.sqs;
