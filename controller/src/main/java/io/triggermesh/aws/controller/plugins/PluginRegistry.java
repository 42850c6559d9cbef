package io.triggermesh.aws.controller.plugins;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every connector kind the controller serves, loaded once. Fails fast when two plugins declare the same kind or a
 * plugin was built against an incompatible SPI, because running with either would reconcile objects wrongly.
 */
public final class PluginRegistry {

    private final List<ConnectorPlugin> plugins;
    private final Map<String, LoadedKind> kinds;

    private PluginRegistry(List<ConnectorPlugin> plugins, Map<String, LoadedKind> kinds) {
        this.plugins = List.copyOf(plugins);
        // Keep declaration order: Map.copyOf would not.
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    /**
     * Loads the plugins visible to {@code loader}.
     *
     * @param allowList plugin names to enable; empty enables every plugin found
     */
    public static PluginRegistry load(ClassLoader loader, Set<String> allowList) {
        List<ConnectorPlugin> found = new ArrayList<>();
        for (ServiceLoader.Provider<ConnectorPlugin> provider : ServiceLoader.load(ConnectorPlugin.class, loader)
                .stream().toList()) {
            found.add(instantiate(provider));
        }
        return of(found, allowList);
    }

    /** A registry of the given plugins (tests and embedders), with the same checks as {@link #load}. */
    public static PluginRegistry of(Collection<ConnectorPlugin> candidates, Set<String> allowList) {
        List<ConnectorPlugin> enabled = candidates.stream()
                .filter(p -> allowList.isEmpty() || allowList.contains(p.name()))
                .sorted(Comparator.comparing(ConnectorPlugin::name))
                .toList();
        Set<String> names = candidates.stream().map(ConnectorPlugin::name).collect(Collectors.toSet());
        List<String> unknown = allowList.stream().filter(n -> !names.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new PluginLoadException("plugin allow-list names plugins that are not installed: " + unknown
                    + "; installed: " + names.stream().sorted().toList());
        }
        Map<String, LoadedKind> kinds = new LinkedHashMap<>();
        for (ConnectorPlugin plugin : enabled) {
            if (!SpiVersion.isCompatible(plugin.spiVersion())) {
                throw new PluginLoadException("plugin " + plugin.name() + " " + plugin.version()
                        + " was built for connector-spi version " + plugin.spiVersion() + " but this controller"
                        + " implements version " + SpiVersion.CURRENT + "; rebuild the plugin against it");
            }
            for (ConnectorKind<?> kind : plugin.kinds()) {
                LoadedKind loaded = new LoadedKind(plugin, kind);
                LoadedKind previous = kinds.putIfAbsent(loaded.key(), loaded);
                if (previous != null) {
                    throw new PluginLoadException("kind " + loaded.key() + " is declared by two plugins: "
                            + previous.plugin().name() + " and " + plugin.name()
                            + "; remove one of them or disable it with the plugin allow-list");
                }
            }
        }
        return new PluginRegistry(enabled, kinds);
    }

    private static ConnectorPlugin instantiate(ServiceLoader.Provider<ConnectorPlugin> provider) {
        try {
            return provider.get();
        } catch (RuntimeException | ServiceConfigurationError e) {
            throw new PluginLoadException("cannot instantiate connector plugin " + provider.type().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    static String key(String group, String kind) {
        return group + "/" + kind;
    }

    public List<ConnectorPlugin> plugins() {
        return plugins;
    }

    /** Every kind, in a stable order (plugin name, then declaration order). */
    public List<LoadedKind> kinds() {
        return List.copyOf(kinds.values());
    }

    /** The descriptor of every kind, in {@link #kinds()} order: what an API server must serve for them. */
    public List<KindDescriptor<?>> descriptors() {
        return kinds.values().stream().<KindDescriptor<?>>map(LoadedKind::descriptor).toList();
    }

    public Optional<LoadedKind> find(String group, String kind) {
        return Optional.ofNullable(kinds.get(key(group, kind)));
    }

    /** Finds a kind by its name alone, as the command line accepts it (kind names are unique in practice). */
    public Optional<LoadedKind> findByKind(String kind) {
        return kinds.values().stream().filter(k -> k.descriptor().kind().equalsIgnoreCase(kind)).findFirst();
    }

    /** One line per plugin for the start-up log: name, version and kinds. */
    public List<String> describe() {
        return plugins.stream().map(p -> p.name() + " " + p.version() + ": " + p.kinds().stream()
                .map(k -> k.descriptor().kind()).collect(Collectors.joining(", "))).toList();
    }
}
