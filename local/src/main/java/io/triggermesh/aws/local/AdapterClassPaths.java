package io.triggermesh.aws.local;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.plugins.PluginRegistryFactory;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class path of each adapter process local mode starts. A bundled kind's adapter runs on the runtime alone (the
 * local jar, which bundles the controller and its adapters); a kind of a plugin loaded from the plugin directory runs on the
 * runtime and the directory's jars, since its adapter class and the AWS client it uses are only there. The runtime
 * comes first, as in the controller, whose plugin class loader asks its parent first.
 */
final class AdapterClassPaths {

    private final String runtime;
    private final String withPlugins;
    private final Set<String> directoryKinds;

    private AdapterClassPaths(String runtime, String withPlugins, Set<String> directoryKinds) {
        this.runtime = runtime;
        this.withPlugins = withPlugins;
        this.directoryKinds = directoryKinds;
    }

    /** Every adapter on {@code runtime}: no plugin directory. */
    static AdapterClassPaths runtimeOnly(String runtime) {
        return new AdapterClassPaths(runtime, runtime, Set.of());
    }

    /**
     * @param pluginLoader the class loader {@code registry} was loaded with, over {@code pluginDirectory}'s jars
     */
    static AdapterClassPaths of(PluginRegistry registry, ClassLoader pluginLoader, Path pluginDirectory,
                                String runtime) {
        // A plugin class found by the parent (the controller's own class path) is a bundled one, even if a jar in
        // the directory declares it too: it runs as bundled ones do.
        Set<String> kinds = registry.kinds().stream()
                .filter(k -> k.plugin().getClass().getClassLoader() == pluginLoader)
                .map(LoadedKind::key)
                .collect(Collectors.toUnmodifiableSet());
        List<Path> jars = PluginRegistryFactory.jarsIn(pluginDirectory);
        String classPath = Stream.concat(Stream.of(runtime), jars.stream().map(Path::toString))
                .collect(Collectors.joining(File.pathSeparator));
        return new AdapterClassPaths(runtime, classPath, kinds);
    }

    /** The class path for the adapter of {@code deployment}, found from the connector object that owns it. */
    String of(Deployment deployment) {
        List<OwnerReference> owners = deployment.getMetadata().getOwnerReferences();
        if (owners == null) {
            return runtime;
        }
        boolean fromDirectory = owners.stream().anyMatch(o -> directoryKinds.contains(group(o) + "/" + o.getKind()));
        return fromDirectory ? withPlugins : runtime;
    }

    private static String group(OwnerReference owner) {
        String apiVersion = owner.getApiVersion() == null ? "" : owner.getApiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
