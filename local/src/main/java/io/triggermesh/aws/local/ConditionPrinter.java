package io.triggermesh.aws.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.Kinds;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prints each connector object's conditions when they change, so a person sees the controller work. */
final class ConditionPrinter implements AutoCloseable {

    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
    private final Map<String, String> lastPrinted = new ConcurrentHashMap<>();
    private final PrintStream console;

    ConditionPrinter(KubernetesClient client, PluginRegistry registry, PrintStream console) {
        this.console = console;
        for (LoadedKind kind : registry.kinds()) {
            informers.add(client.genericKubernetesResources(Kinds.context(kind)).inAnyNamespace()
                    .inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(GenericKubernetesResource obj) {
                            print(obj);
                        }

                        @Override
                        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                            print(after);
                        }

                        @Override
                        public void onDelete(GenericKubernetesResource obj, boolean unknown) {
                            console.println("[status] " + label(obj) + " deleted");
                        }
                    }, 0));
        }
    }

    private void print(GenericKubernetesResource obj) {
        StringBuilder line = new StringBuilder();
        if (obj.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                && status.get("conditions") instanceof List<?> conditions) {
            for (Object item : conditions) {
                if (item instanceof Map<?, ?> c) {
                    line.append(' ').append(c.get("type")).append('=').append(c.get("status"));
                    if (!"True".equals(c.get("status"))) {
                        line.append(" (").append(c.get("reason")).append(": ").append(c.get("message")).append(')');
                    }
                }
            }
        }
        // Status is anyone's to write in local mode's API: mask credential shapes whoever wrote the message.
        String text = CredentialRedactor.redactShapes(line.toString());
        if (!text.isEmpty() && !text.equals(lastPrinted.put(label(obj), text))) {
            console.println("[status] " + label(obj) + text);
        }
    }

    private static String label(GenericKubernetesResource obj) {
        return obj.getKind() + " " + obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
