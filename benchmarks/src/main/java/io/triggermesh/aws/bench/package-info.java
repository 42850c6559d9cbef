/**
 * What the benchmark programs share: ElasticMQ embedded, the loopback sink, the raw SDK consumer the source
 * adapters are compared with, and small helpers. The programs themselves are in the subpackages; docs/benchmarks.md
 * has the commands.
 */
package io.triggermesh.aws.bench;
