/**
 * The shared runtime of every adapter process. {@link io.triggermesh.aws.adapter.AdapterLauncher} is the entry point
 * of every one (images and local mode): it runs the {@link io.triggermesh.aws.adapter.KindAdapter} registered for the
 * object's kind with {@link io.triggermesh.aws.adapter.AdapterRuntime}, the bootstrap; {@link io.triggermesh.aws.adapter.AdapterConfig} reads the environment the controller renders,
 * with errors naming the variable; {@link io.triggermesh.aws.adapter.AwsClients} builds AWS SDK clients with
 * auth-core's credential chain and endpoints. The engines live in the sub-packages: {@code sink} (delivering
 * CloudEvents), {@code sqs} (the polling engine of sources), {@code http} (the receiver of targets), {@code events}
 * (AWS payloads turned into CloudEvents) and {@code logging}.
 */
package io.triggermesh.aws.adapter;
