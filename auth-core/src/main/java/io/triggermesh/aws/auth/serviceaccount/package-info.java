/**
 * The ServiceAccount an IRSA ({@code spec.auth.iam}) adapter runs as, planned as pure functions over plain records.
 *
 * <p>{@link io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlanner} turns (object, {@code iam} block,
 * ServiceAccount as it is in the cluster or none) into a {@link io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlan}:
 * the name the adapter must use, whether to create or update the ServiceAccount, its full desired state, and the
 * warnings to surface as condition and Event. {@code release} plans what happens when an object stops using one.
 *
 * <p>Nothing here talks to Kubernetes (auth-core must not depend on a client): the controller maps its client's
 * objects to and from {@link io.triggermesh.aws.auth.serviceaccount.ServiceAccountState} and
 * {@link io.triggermesh.aws.auth.serviceaccount.OwnerRef}, and applies the plan.
 */
package io.triggermesh.aws.auth.serviceaccount;
