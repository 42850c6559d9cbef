package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.spi.api.Sha256;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names of the SQS queues the controller creates for AWSS3Sources: one queue per source, never shared (the original
 * named queues after the bucket, so two sources on one bucket clobbered each other's queue).
 *
 * <p>The name is {@code triggermesh-s3_<namespace>_<name>} when that fits SQS's 80 characters and the object name has
 * no '.'. Otherwise it is {@code triggermesh-s3_<shortened namespace_name>__<16 hex digits of SHA-256 of
 * "namespace/name">}. The two forms cannot collide: namespaces and names never contain '_', so only the hashed form
 * contains "__", and the plain form is unambiguous because the namespace has no '_'. The same object always gets the
 * same name, so cleanup finds the queue without any stored state.
 *
 * <p>Two clusters with a source of the same namespace and name in the same account and region would compute the same
 * name; the owner tag on the queue, checked before anything is changed or deleted, tells them apart.
 */
public final class QueueNames {

    /** SQS's limit for queue names. */
    public static final int MAX_LENGTH = 80;
    /** Every managed queue name starts with this, which makes them easy to find in the console. */
    public static final String PREFIX = "triggermesh-s3_";

    private static final int HASH_HEX_DIGITS = 16;
    private static final String HASH_SEPARATOR = "__";
    private static final Pattern PLAIN_PART = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NOT_QUEUE_CHAR = Pattern.compile("[^A-Za-z0-9-]");

    private QueueNames() {
    }

    /** The queue name of the AWSS3Source {@code namespace/name}: at most 80 characters of {@code [A-Za-z0-9_-]}. */
    public static String forSource(String namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        String plain = PREFIX + namespace + "_" + name;
        if (plain.length() <= MAX_LENGTH && PLAIN_PART.matcher(namespace).matches()
                && PLAIN_PART.matcher(name).matches()) {
            return plain;
        }
        String hash = Sha256.hex(namespace + "/" + name).substring(0, HASH_HEX_DIGITS);
        int room = MAX_LENGTH - PREFIX.length() - HASH_SEPARATOR.length() - HASH_HEX_DIGITS;
        String readable = NOT_QUEUE_CHAR.matcher(namespace).replaceAll("-") + "_"
                + NOT_QUEUE_CHAR.matcher(name).replaceAll("-");
        if (readable.length() > room) {
            readable = readable.substring(0, room);
        }
        return PREFIX + readable + HASH_SEPARATOR + hash;
    }

}
