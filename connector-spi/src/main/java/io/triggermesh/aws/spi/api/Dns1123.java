package io.triggermesh.aws.spi.api;

import java.util.regex.Pattern;

/**
 * Kubernetes' DNS-1123 name rules, the one definition in this project: a <em>label</em> (Namespace, Service and
 * default adapter names) and a <em>subdomain</em> (most object names: Secrets, ServiceAccounts, connector objects).
 * The CRD schemas are built from {@link #SUBDOMAIN_PATTERN} and {@link #MAX_SUBDOMAIN_LENGTH}, the checks call
 * {@link #isLabel} and {@link #isSubdomain}.
 */
public final class Dns1123 {

    /** The longest label. */
    public static final int MAX_LABEL_LENGTH = 63;
    /** The longest subdomain. */
    public static final int MAX_SUBDOMAIN_LENGTH = 253;
    /** A label, unanchored, length not included: lowercase letters, digits and '-', alphanumeric at both ends. */
    public static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    /** A subdomain, unanchored, length not included: labels joined by '.'. */
    public static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
    /** {@link #SUBDOMAIN} anchored, for {@code @FieldSchema(pattern = ...)} (the length goes in maxLength). */
    public static final String SUBDOMAIN_PATTERN = "^" + SUBDOMAIN + "$";

    private static final Pattern LABEL_REGEX = Pattern.compile(LABEL);
    private static final Pattern SUBDOMAIN_REGEX = Pattern.compile(SUBDOMAIN);

    private Dns1123() {
    }

    /** Whether {@code name} is a DNS-1123 label of at most {@value #MAX_LABEL_LENGTH} characters. */
    public static boolean isLabel(String name) {
        return name != null && name.length() <= MAX_LABEL_LENGTH && LABEL_REGEX.matcher(name).matches();
    }

    /** Whether {@code name} is a DNS-1123 subdomain of at most {@value #MAX_SUBDOMAIN_LENGTH} characters. */
    public static boolean isSubdomain(String name) {
        return name != null && name.length() <= MAX_SUBDOMAIN_LENGTH && SUBDOMAIN_REGEX.matcher(name).matches();
    }
}
