package io.triggermesh.aws.spi;

/** Whether a kind produces events (a source) or consumes them over HTTP (a target). */
public enum Role {
    /** Reads from AWS and sends CloudEvents to a sink; group {@code sources.triggermesh.io}. */
    SOURCE("sources.triggermesh.io"),
    /** Receives CloudEvents over HTTP and acts on AWS; group {@code targets.triggermesh.io}. */
    TARGET("targets.triggermesh.io");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The API group kinds of this role belong to. */
    public String group() {
        return group;
    }
}
