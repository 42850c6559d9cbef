package io.triggermesh.aws.controller.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.GivenObjects;
import io.triggermesh.aws.controller.reconcile.Preview;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.Problem;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render -f object.yaml [-f existing.yaml ...]}: the ServiceAccount, Secret, Deployment and Service the
 * controller would apply for an object, given objects that already exist (a ServiceAccount, the Secrets it refers
 * to, the sink). It runs the controller's own pipeline of steps against those objects instead of a cluster
 * ({@link Preview}), so what it prints is what the controller writes, merged onto the existing objects. No cluster,
 * no AWS. Secret values are never printed.
 */
@Command(name = "render", mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.CODE_0, ExitCodes.CODE_1, ExitCodes.CODE_2, ExitCodes.CODE_3},
        description = "Print the Kubernetes objects the controller would apply for a connector object.")
public class RenderCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true,
            description = "The connector object, then any existing objects it relates to (repeatable).")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Inject
    PluginRegistry registry;

    @Inject
    AdapterSettings adapterSettings;

    @Mixin
    CommandErrors errors;

    @Override
    public Integer call() {
        return errors.run(spec, this::render);
    }

    private int render() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Manifests.Document> documents = Manifests.read(paths);
        ObjectValidator validator = new ObjectValidator(registry);
        List<Manifests.Document> connectors = documents.stream()
                .filter(d -> ObjectValidator.isTriggerMeshObject(d.object())).toList();
        if (connectors.size() != 1) {
            err.println("render needs exactly one connector object, found " + connectors.size());
            err.flush();
            return ExitCodes.UNREADABLE_INPUT;
        }
        Manifests.Document document = connectors.get(0);
        ValidatedObject validated = validator.validate(document.object());
        if (!validated.isValid()) {
            err.println("invalid  " + document.label());
            validated.problems().stream().map(Problem::toString).forEach(p -> err.println("         " + p));
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        GivenObjects existing = new GivenObjects(documents.stream().filter(d -> d != document)
                .map(d -> Serialization.unmarshal(d.object().toString(), GenericKubernetesResource.class)).toList());
        Preview preview = Preview.of(validated, Serialization.unmarshal(document.object().toString(),
                GenericKubernetesResource.class), existing, adapterSettings);
        preview.warnings().forEach(w -> err.println("warning: " + w));
        for (HasMetadata object : preview.objects()) {
            out.print(Serialization.asYaml(object instanceof Secret secret ? redacted(secret) : object));
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** A copy of {@code secret} whose values are replaced, for printing. */
    static Secret redacted(Secret secret) {
        Map<String, String> data = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().keySet().forEach(key -> data.put(key, "<redacted>"));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().keySet().forEach(key -> data.put(key, "<redacted>"));
        }
        return new SecretBuilder(secret).withData(null).withStringData(data).build();
    }
}
