package io.triggermesh.aws.controller.plugins;

/** The plugins on the classpath or in the plugin directory cannot run together; the controller must not start. */
public class PluginLoadException extends RuntimeException {

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
