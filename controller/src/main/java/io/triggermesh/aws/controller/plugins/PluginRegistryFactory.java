package io.triggermesh.aws.controller.plugins;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the one {@link PluginRegistry} of the application from the classpath and the plugin directory. */
@Factory
public class PluginRegistryFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistryFactory.class);

    @Singleton
    PluginRegistry pluginRegistry(PluginsConfiguration configuration) {
        ClassLoader loader = configuration.pluginDirectory()
                .map(dir -> classLoaderFor(dir, PluginRegistryFactory.class.getClassLoader()))
                .orElse(PluginRegistryFactory.class.getClassLoader());
        PluginRegistry registry = PluginRegistry.load(loader, new HashSet<>(configuration.allow()));
        // At debug: the offline commands need no such lines, and `run` prints them once when it starts.
        registry.describe().forEach(line -> LOG.debug("Connector plugin {}", line));
        return registry;
    }

    /**
     * A class loader over every jar in {@code directory}, delegating to {@code parent} first. Local mode uses it too,
     * so that it serves the same kinds as the controller.
     */
    public static ClassLoader classLoaderFor(Path directory, ClassLoader parent) {
        List<Path> jars = jarsIn(directory);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = toUrl(jars.get(i));
        }
        return new URLClassLoader("triggermesh-plugins", urls, parent);
    }

    /** The {@code *.jar} files of the plugin directory, sorted by name: the order {@link #classLoaderFor} uses. */
    public static List<Path> jarsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PluginLoadException("plugin directory " + directory + " does not exist or is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + directory, e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginLoadException("cannot load plugin jar " + jar, e);
        }
    }
}
