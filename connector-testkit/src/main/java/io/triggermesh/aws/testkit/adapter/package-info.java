/**
 * Helpers for tests of adapter programs, so that connector modules do not each write them: a CloudEvents sink on a
 * loopback port that records deliveries and answers as the test says ({@link io.triggermesh.aws.testkit.adapter.LoopbackSink}),
 * and SDK clients on the AWS emulator's root identity with adapter environments pointing at it
 * ({@link io.triggermesh.aws.testkit.adapter.EmulatorClients}).
 */
package io.triggermesh.aws.testkit.adapter;
