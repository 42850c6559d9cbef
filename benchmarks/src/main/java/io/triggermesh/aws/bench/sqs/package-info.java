/**
 * The SQS adapters' benchmark ({@link io.triggermesh.aws.bench.sqs.SqsBenchmarks}): AWSSQSSource against a raw SDK
 * loop and Apache Camel; AWSSQSTarget, driven by wrk, against raw sends, a no-op Netty server and Apache Camel, each a
 * process of its own measured from {@code /proc}; the adapters as their image runs them (memory, start). And
 * {@link io.triggermesh.aws.bench.sqs.BatcherBenchmark}: our two SQS batchers against the SDK's
 * {@code SqsAsyncBatchManager}. Programs, not tests; docs/benchmarks.md has the commands and the figures.
 */
package io.triggermesh.aws.bench.sqs;
