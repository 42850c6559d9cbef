package com.example.jarplugin;

import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;

/**
 * The plugin's adapter, registered for the launcher as a third party registers it (no main class): says it started,
 * from which class, then waits to be stopped.
 */
public final class JarAdapter implements KindAdapter {

    static final String KIND = "AWSJarSource";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) {
        System.out.println("jar adapter started: " + JarAdapter.class.getName() + " ARN="
                + context.config().optional("ARN").orElse(""));
        System.out.flush();
        return () -> { };
    }
}
