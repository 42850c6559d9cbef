package io.triggermesh.aws.adapter;

import io.triggermesh.aws.adapter.logging.AdapterLogManager;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.api.Shown;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The one entry point of every adapter process: the adapter images' entrypoint and local mode run this class. It
 * selects the log manager, then finds the {@link KindAdapter} registered for the kind in {@code KIND} through
 * {@link ServiceLoader} and runs it with {@link AdapterRuntime#run}. When no adapter or more than one serves that
 * kind, it prints one line and exits with {@link #EXIT_NO_ADAPTER}.
 *
 * <p>{@code --kinds} prints the kinds of every adapter on the class path, one per line, and exits: the image build
 * uses it to train its class-data archive on each of them.
 */
public final class AdapterLauncher {

    /** Exit status when the class path holds no adapter, or more than one, for {@code KIND}. */
    public static final int EXIT_NO_ADAPTER = 3;
    /** The argument that lists the kinds instead of starting an adapter. */
    public static final String LIST_KINDS = "--kinds";

    private AdapterLauncher() {
    }

    public static void main(String[] args) {
        // First, before any adapter class loads: the JDK picks its log manager with the first logger, which an
        // adapter's static field may create (a class initialised by ServiceLoader below). The images and local mode
        // also pass AdapterLogManager.JVM_OPTION; this covers every other launch.
        if (System.getProperty(AdapterLogManager.PROPERTY) == null) {
            System.setProperty(AdapterLogManager.PROPERTY, AdapterLogManager.class.getName());
        }
        if (args.length > 0 && LIST_KINDS.equals(args[0])) {
            listKinds(System.out);
            return;
        }
        Map<String, String> env = System.getenv();
        String kind = env.getOrDefault(AdapterEnv.KIND, "").trim();
        if (kind.isEmpty()) {
            System.err.println("adapter: " + AdapterEnv.KIND + " is not set; it names the connector kind to run"
                    + " (the controller sets it, for example " + AdapterEnv.KIND + "=AWSSQSSource)");
            System.exit(AdapterRuntime.EXIT_CONFIG);
            return;
        }
        KindAdapter adapter;
        try {
            adapter = adapterFor(kind, Thread.currentThread().getContextClassLoader());
        } catch (LaunchException e) {
            System.err.println("adapter: " + e.getMessage());
            System.exit(EXIT_NO_ADAPTER);
            return;
        }
        AdapterRuntime.run(kind.toLowerCase(Locale.ROOT) + "-adapter", adapter);
    }

    /**
     * The one adapter registered on {@code loader}'s class path for {@code kind}, as the launcher would start it (a
     * plugin's tests call this to check its registration).
     *
     * @throws LaunchException when none or several serve the kind, or a registration cannot be loaded
     */
    public static KindAdapter adapterFor(String kind, ClassLoader loader) throws LaunchException {
        return select(kind, ServiceLoader.load(KindAdapter.class, loader));
    }

    /** The one adapter in {@code adapters} that serves {@code kind}. */
    static KindAdapter select(String kind, Iterable<KindAdapter> adapters) throws LaunchException {
        List<KindAdapter> matching = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        try {
            for (KindAdapter adapter : adapters) {
                known.add(adapter.kind());
                if (kind.equals(adapter.kind())) {
                    matching.add(adapter);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new LaunchException("a registered adapter cannot be loaded: " + e.getMessage()
                    + "; check the META-INF/services/" + KindAdapter.class.getName() + " entries on the class path");
        }
        if (matching.isEmpty()) {
            throw new LaunchException("no adapter for kind " + Shown.quoted(kind) + " on the class path ("
                    + (known.isEmpty() ? "no adapter is registered" : "adapters registered for: "
                    + String.join(", ", known)) + "); add the connector's jar, registered in META-INF/services/"
                    + KindAdapter.class.getName());
        }
        if (matching.size() > 1) {
            throw new LaunchException(matching.size() + " adapters serve kind " + Shown.quoted(kind) + ": "
                    + String.join(", ", matching.stream().map(a -> a.getClass().getName()).toList())
                    + "; keep exactly one of their jars on the class path");
        }
        return matching.get(0);
    }

    private static void listKinds(PrintStream out) {
        TreeSet<String> kinds = new TreeSet<>();
        ServiceLoader.load(KindAdapter.class).forEach(adapter -> kinds.add(adapter.kind()));
        kinds.forEach(out::println);
        out.flush();
    }

    /** Why no single adapter could be chosen; its message is the one line the launcher prints. */
    public static final class LaunchException extends Exception {
        private static final long serialVersionUID = 1L;

        LaunchException(String message) {
            super(message);
        }
    }
}
