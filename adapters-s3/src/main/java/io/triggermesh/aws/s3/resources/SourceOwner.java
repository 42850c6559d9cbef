package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.Sha256;
import java.util.Map;
import java.util.Objects;

/**
 * The AWSS3Source that owns managed resources, and the marks it leaves on them: the owner tags on its queue and the
 * Id of its bucket notification configuration. Both include the object's uid, so a source of the same namespace and
 * name in another cluster (or a re-created one) is told apart.
 *
 * @param displayName {@code kind/namespace/name}
 * @param namespace the object's namespace
 * @param name the object's name
 * @param uid the object's {@code metadata.uid}
 */
public record SourceOwner(String displayName, String namespace, String name, String uid) {

    /** Tag holding {@code kind/namespace/name}, for people reading the console. */
    public static final String OWNER_TAG = "triggermesh.io/owner";
    /** Tag holding the owner's uid: the one that decides ownership. */
    public static final String OWNER_UID_TAG = "triggermesh.io/owner-uid";
    /** Prefix of every notification configuration Id the controller writes. */
    public static final String NOTIFICATION_ID_PREFIX = "triggermesh-s3_";

    // S3 does not document a limit for the Id; stay well inside what every implementation accepts.
    private static final int MAX_NOTIFICATION_ID = 200;
    private static final int HASH_HEX_DIGITS = 16;

    public SourceOwner {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }

    /** The owner of {@code object}'s resources; an object without uid cannot own any (it was never stored). */
    public static SourceOwner of(ObjectContext<?> object) {
        if (object.uid() == null || object.uid().isBlank()) {
            throw AwsResourceException.permanent(object.displayName() + " has no metadata.uid; managed AWS resources"
                    + " are tagged with it, so they are only created for objects stored in the cluster", null);
        }
        return new SourceOwner(object.displayName(), object.namespace(), object.name(), object.uid());
    }

    /** The tags a managed queue is created with. */
    public Map<String, String> tags() {
        return Map.of(OWNER_TAG, displayName, OWNER_UID_TAG, uid);
    }

    /** Whether a resource with these tags belongs to this owner (the uid decides). */
    public boolean owns(Map<String, String> tags) {
        return uid.equals(tags.get(OWNER_UID_TAG));
    }

    /**
     * The Id of this source's notification configuration: {@code triggermesh-s3_<namespace>_<name>_<uid>}, or, when
     * that would be longer than 200 characters, the readable part shortened and a hash of the whole appended.
     * Deterministic, so every pass (and cleanup) finds the same entry.
     */
    public String notificationId() {
        String plain = NOTIFICATION_ID_PREFIX + namespace + "_" + name + "_" + uid;
        if (plain.length() <= MAX_NOTIFICATION_ID) {
            return plain;
        }
        String hash = Sha256.hex(namespace + "/" + name + "/" + uid).substring(0, HASH_HEX_DIGITS);
        String readable = plain.substring(0, MAX_NOTIFICATION_ID - HASH_HEX_DIGITS - 2);
        return readable + "__" + hash;
    }

}
