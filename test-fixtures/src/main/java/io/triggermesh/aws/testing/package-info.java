/**
 * The AWS emulator for integration tests: {@link io.triggermesh.aws.testing.AwsEmulator} is the handle (endpoint,
 * region, reset, moto's IAM enforcement switch) and {@link io.triggermesh.aws.testing.AwsEmulatorExtension} hands it
 * to JUnit 5 tests. One emulator per JVM, picked in one place ({@code EmulatorResolver}): an explicit endpoint, else
 * LocalStack when Docker answers, else {@code moto_server} from PATH. Everything not public here is plumbing.
 */
package io.triggermesh.aws.testing;
