/**
 * The AWSS3Source adapter's benchmark ({@link io.triggermesh.aws.bench.s3.S3SourceBenchmark}) against a raw SDK loop.
 * A program, not a test; docs/benchmarks.md has the command.
 */
package io.triggermesh.aws.bench.s3;
