package io.triggermesh.aws.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import io.triggermesh.aws.cluster.LocalPodIdentityAgent;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import io.triggermesh.aws.spi.AdapterEnv;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Plays the kubelet's part in local mode: starts every adapter Deployment the controller creates as a local JVM
 * process with the Deployment's environment resolved (Secret references read from the API; for IRSA, what the EKS
 * webhook would inject: {@code AWS_ROLE_ARN} and a web-identity token file; for an EKS Pod Identity association,
 * what its webhook injects, see {@link LocalPodIdentityAgent}), restarts it when the Deployment
 * changes or the process dies, stops it when the Deployment goes, and gives targets a local port. Every two seconds
 * it writes each Deployment's status from the adapter's health ({@link LocalAvailability}), as a cluster would.
 */
public final class LocalRunner implements AutoCloseable {

    /** How long stopping waits for adapters to drain before killing them. */
    public static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(20);
    /** Set in every adapter's environment: adapters stop by themselves when this process is gone. */
    public static final String PARENT_PID = "TRIGGERMESH_LOCAL_PARENT_PID";

    /** The only address local adapters listen on. */
    static final String LOOPBACK = "127.0.0.1";
    private static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

    private final KubernetesClient client;
    private final Path workDir;
    /** The class path of a Deployment's adapter: plugin-directory kinds need their jars too. */
    private final Function<Deployment, String> classpath;
    private final PrintStream console;
    private final Map<String, String> defaults;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-runner");
        thread.setDaemon(true);
        return thread;
    });
    private final LocalAvailability availability;
    /** The EKS Pod Identity agent local mode plays, or null without associations. */
    private final LocalPodIdentityAgent podIdentity;
    private SharedIndexInformer<Deployment> informer;

    private record Running(String template, AdapterProcess process) {
    }

    /**
     * @param defaults environment variables every adapter gets unless its Deployment sets them (for example
     *     {@code LOG_LEVEL})
     */
    public LocalRunner(KubernetesClient client, Path workDir, String classpath, PrintStream console,
                       Map<String, String> defaults) {
        this(client, workDir, deployment -> classpath, console, defaults);
    }

    /**
     * @param classpath the class path each Deployment's adapter is started with
     * @param defaults environment variables every adapter gets unless its Deployment sets them
     */
    public LocalRunner(KubernetesClient client, Path workDir, Function<Deployment, String> classpath,
                       PrintStream console, Map<String, String> defaults) {
        this(client, workDir, classpath, console, defaults, null);
    }

    /**
     * @param podIdentity the Pod Identity agent whose associations name ServiceAccounts, or null for none
     */
    public LocalRunner(KubernetesClient client, Path workDir, Function<Deployment, String> classpath,
                       PrintStream console, Map<String, String> defaults, LocalPodIdentityAgent podIdentity) {
        this.podIdentity = podIdentity;
        this.client = client;
        this.workDir = workDir;
        this.classpath = classpath;
        this.console = console;
        this.defaults = Map.copyOf(defaults);
        this.availability = new LocalAvailability(client);
    }

    public void start() {
        informer = client.apps().deployments().inAnyNamespace()
                .withLabel(ServiceAccountConventions.MANAGED_BY_LABEL, ServiceAccountConventions.MANAGED_BY_VALUE)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Deployment deployment) {
                        scheduler.execute(() -> sync(key(deployment)));
                    }

                    @Override
                    public void onUpdate(Deployment before, Deployment after) {
                        scheduler.execute(() -> sync(key(after)));
                    }

                    @Override
                    public void onDelete(Deployment deployment, boolean unknown) {
                        scheduler.execute(() -> sync(key(deployment)));
                    }
                }, 0);
        // Like a kubelet: keep retrying what could not start yet (a missing Secret) and restart what died.
        scheduler.scheduleWithFixedDelay(this::syncAll, 2, 2, TimeUnit.SECONDS);
    }

    /** Local URLs of the targets, by {@code namespace/deployment}. */
    public Map<String, String> targetUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        ports.forEach((key, port) -> urls.put(key, "http://" + LOOPBACK + ":" + port));
        return urls;
    }

    private void syncAll() {
        informer.getStore().list().forEach(d -> sync(key(d)));
        running.keySet().stream().filter(k -> informer.getStore().getByKey(k) == null).forEach(this::sync);
        informer.getStore().list().forEach(this::reportAvailability);
    }

    /** As the kubelet's readiness probe feeds the Deployment's status, so Deployed and Ready follow the adapter. */
    private void reportAvailability(Deployment deployment) {
        String key = key(deployment);
        Running current = running.get(key);
        Integer port = ports.get(key);
        availability.report(deployment, current != null && current.process().alive(),
                port == null ? OptionalInt.empty() : OptionalInt.of(port));
    }

    private synchronized void sync(String key) {
        Deployment deployment = informer.getStore().getByKey(key);
        Running current = running.get(key);
        if (deployment == null) {
            if (current != null) {
                current.process().close();
                running.remove(key);
                console.println("[local] stopped " + key);
            }
            return;
        }
        String template = deployment.getSpec().getTemplate().toString();
        if (current != null && current.template().equals(template) && current.process().alive()) {
            return;
        }
        Optional<Map<String, String>> env = environment(key, deployment);
        if (env.isEmpty()) {
            return;
        }
        if (current != null) {
            current.process().close();
            console.println("[local] restarting " + key + (current.process().alive() ? "" : " (it had exited)"));
        }
        Path log = workDir.resolve(key.replace('/', '_') + ".log");
        AdapterProcess process = AdapterProcess.start(key, classpath.apply(deployment), env.get(), log);
        running.put(key, new Running(template, process));
        console.println("[local] started " + key + " (" + env.get().getOrDefault(AdapterEnv.KIND, "?") + "), pid "
                + process.pid()
                + ", log " + log
                + (ports.containsKey(key) ? ", listening on " + targetUrls().get(key) : ""));
    }

    /** The container's environment as a pod would see it, or empty while a Secret it needs is missing. */
    private Optional<Map<String, String>> environment(String key, Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                Optional<String> value = secretValue(namespace, ref.getName(), ref.getKey());
                if (value.isEmpty()) {
                    console.println("[local] " + key + " waits for Secret " + namespace + "/" + ref.getName()
                            + " key " + ref.getKey());
                    return Optional.empty();
                }
                env.put(var.getName(), value.get());
            } else {
                env.put(var.getName(), localUrl(var.getValue() == null ? "" : var.getValue()));
            }
        }
        if (container.getPorts() != null && !container.getPorts().isEmpty()) {
            env.put(AdapterEnv.PORT, String.valueOf(ports.computeIfAbsent(key, k -> freePort())));
            // Loopback only: anyone who reaches the port can have events written to AWS with the object's keys.
            env.put(AdapterEnv.BIND_ADDRESS, LOOPBACK);
        }
        String serviceAccount = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        webIdentity(namespace, serviceAccount, env);
        if (podIdentity != null && serviceAccount != null) {
            // What the EKS Pod Identity webhook injects when an association names the ServiceAccount.
            podIdentity.environment(namespace, serviceAccount).ifPresent(env::putAll);
        }
        defaults.forEach(env::putIfAbsent);
        env.put(PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        return Optional.of(env);
    }

    /** What the EKS pod identity webhook injects for a ServiceAccount annotated with a role. */
    private void webIdentity(String namespace, String serviceAccountName, Map<String, String> env) {
        if (serviceAccountName == null) {
            return;
        }
        ServiceAccount sa = client.serviceAccounts().inNamespace(namespace).withName(serviceAccountName).get();
        String role = sa == null || sa.getMetadata().getAnnotations() == null ? null
                : sa.getMetadata().getAnnotations().get(ROLE_ANNOTATION);
        if (role == null) {
            return;
        }
        Path token = workDir.resolve("token-" + namespace + "-" + serviceAccountName);
        try {
            // An unsigned token naming the ServiceAccount, like the projected one; emulators do not verify it.
            Files.writeString(token, unsignedToken(namespace, serviceAccountName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("AWS_ROLE_ARN", role);
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
    }

    /** A cluster-local URL of a target running here becomes its local URL, as cluster DNS would route it. */
    private String localUrl(String value) {
        for (Map.Entry<String, Integer> target : ports.entrySet()) {
            String[] parts = target.getKey().split("/");
            String clusterUrl = AdapterWorkloads.serviceUrl(parts[1], parts[0]);
            if (value.startsWith(clusterUrl)) {
                return "http://127.0.0.1:" + target.getValue() + value.substring(clusterUrl.length());
            }
        }
        return value;
    }

    private Optional<String> secretValue(String namespace, String name, String key) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key)),
                    StandardCharsets.UTF_8));
        }
        return secret.getStringData() == null ? Optional.empty() : Optional.ofNullable(secret.getStringData().get(key));
    }

    private static String unsignedToken(String namespace, String serviceAccount) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"system:serviceaccount:" + namespace + ":" + serviceAccount
                + "\",\"aud\":[\"sts.amazonaws.com\"]}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(Deployment deployment) {
        return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
    }

    @Override
    public synchronized void close() {
        if (informer != null) {
            informer.close();
        }
        scheduler.shutdownNow();
        // All at once, so stopping takes one drain time, not one per adapter.
        running.values().forEach(r -> r.process().terminate());
        running.values().forEach(r -> r.process().awaitExit(STOP_TIMEOUT));
        running.clear();
    }
}
