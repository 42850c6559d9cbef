package io.triggermesh.aws.auth.credentials;

/**
 * Which identity the controller may use for objects in {@code iam} mode that name no {@code roleArn}. Using the
 * controller's own AWS identity on behalf of an object is a confused-deputy risk (any user who can create objects
 * borrows the controller's permissions), so it takes an explicit operator opt-in.
 */
public enum IdentityChoice {
    /** Only the object's own identity; {@code iam} without {@code roleArn} is an error. The default. */
    OBJECT_IDENTITY_ONLY,
    /** {@code iam} without {@code roleArn} uses the controller's own identity (the SDK default chain). */
    CONTROLLER_IDENTITY_OPT_IN
}
