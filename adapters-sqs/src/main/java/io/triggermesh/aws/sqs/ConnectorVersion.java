package io.triggermesh.aws.sqs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The module version, written into a resource by the build, which also tags the adapter image. */
final class ConnectorVersion {

    /** Used when the resource was not filtered (a build outside Maven). */
    static final String UNKNOWN = "dev";

    private ConnectorVersion() {
    }

    static String read() {
        try (InputStream in = ConnectorVersion.class.getResourceAsStream("connector-version.properties")) {
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
