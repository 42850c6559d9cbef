package io.triggermesh.aws.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A plugin's version, written by the build into {@code connector-version.properties} in the plugin class's package
 * (Maven resource filtering of {@code version=${project.version}}); it also tags the adapter image.
 */
public final class PluginVersion {

    /** Used when the resource was not filtered (a build outside Maven). */
    public static final String UNKNOWN = "dev";

    private PluginVersion() {
    }

    /** The version in {@code connector-version.properties} next to {@code pluginClass}, or {@link #UNKNOWN}. */
    public static String of(Class<?> pluginClass) {
        try (InputStream in = pluginClass.getResourceAsStream("connector-version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.contains("${") ? UNKNOWN : version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the connector version", e);
        }
    }
}
