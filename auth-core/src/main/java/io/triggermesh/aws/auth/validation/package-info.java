/**
 * Reading and checking {@code spec.auth}. {@link io.triggermesh.aws.auth.validation.AuthParser} turns the JSON of
 * the block into the {@link io.triggermesh.aws.auth.model.AwsAuth} model and
 * {@link io.triggermesh.aws.auth.validation.AuthValidator} checks the model; together they report every problem at
 * once, each with its JSON path and a message saying how to fix it, so a user fixes a manifest in one round trip.
 * Nothing here throws on bad input, and no message ever repeats a credential value.
 */
package io.triggermesh.aws.auth.validation;
