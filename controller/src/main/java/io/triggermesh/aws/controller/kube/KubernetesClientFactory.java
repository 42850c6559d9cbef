package io.triggermesh.aws.controller.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one Kubernetes client of the application. It talks to the cluster named by
 * {@code triggermesh.kubernetes.kubeconfig} when set, else by {@code KUBECONFIG} / {@code ~/.kube/config}, else the
 * in-cluster configuration (fabric8's usual order).
 */
@Factory
public class KubernetesClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    KubernetesClient kubernetesClient(@Nullable @Value("${triggermesh.kubernetes.kubeconfig:}") String kubeconfig) {
        Config config = kubeconfig == null || kubeconfig.isBlank() ? Config.autoConfigure(null) : fromFile(kubeconfig);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static Config fromFile(String file) {
        try {
            return Config.fromKubeconfig(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + file, e);
        }
    }
}
