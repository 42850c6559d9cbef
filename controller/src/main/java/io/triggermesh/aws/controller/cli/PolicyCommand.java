package io.triggermesh.aws.controller.cli;

import io.triggermesh.aws.auth.iam.IamPolicy;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.Shown;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policy KIND [-f object.yaml] [--for adapter|controller|both]}: the least-privilege IAM policy a kind needs,
 * from the plugin's declarations; with {@code -f}, for that one object with its ARNs filled in.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.CODE_0, ExitCodes.CODE_1, ExitCodes.CODE_2, ExitCodes.CODE_3},
        description = "Print the least-privilege IAM policy JSON for a kind, or for one object with -f.")
public class PolicyCommand implements Callable<Integer> {

    /** Whose policy to print. */
    enum For { adapter, controller, both }

    @Parameters(index = "0", description = "The kind, for example AWSS3Source.")
    String kind;

    @Option(names = {"-f", "--filename"}, description = "A manifest of one object of that kind.")
    Path file;

    @Option(names = "--for", defaultValue = "both", description = "adapter, controller or both (default).")
    For target;

    @Option(names = {"-n", "--namespace"}, description = "The namespace the object is applied to, when its manifest"
            + " names none (resource names such as an S3 source's queue depend on it); default: default.")
    String namespace;

    @Spec
    CommandSpec spec;

    @Inject
    PluginRegistry registry;

    @Mixin
    CommandErrors errors;

    @Override
    public Integer call() {
        return errors.run(spec, this::policy);
    }

    private int policy() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedKind loaded = registry.findByKind(kind).orElse(null);
        if (loaded == null) {
            err.println("error: unknown kind " + Shown.quoted(kind) + "; known kinds: "
                    + registry.kinds().stream().map(k -> k.descriptor().kind()).toList());
            err.flush();
            return ExitCodes.UNREADABLE_INPUT;
        }
        // Without an object, resources stay generic; IAM needs a concrete partition, and "aws" is the common one.
        Map<String, String> values = Map.of("partition", "aws");
        List<IamPermission> adapter = loaded.descriptor().adapterPermissions();
        List<IamPermission> controller = loaded.descriptor().controllerPermissions();
        if (file != null) {
            var documents = Manifests.read(List.of(file)).stream()
                    .filter(d -> d.kind().equalsIgnoreCase(loaded.descriptor().kind())).toList();
            if (documents.size() != 1) {
                err.println("error: " + file + " must hold exactly one " + loaded.descriptor().kind() + ", found "
                        + documents.size());
                err.flush();
                return ExitCodes.UNREADABLE_INPUT;
            }
            Manifests.Document document = documents.get(0);
            ValidatedObject validated = new ObjectValidator(registry).validate(document.object());
            if (!validated.isValid()) {
                // A policy is only as right as the ARNs it is built from: an object with problems gets none.
                err.println("invalid  " + document.label());
                validated.problems().forEach(p -> err.println("         " + p));
                err.flush();
                return ExitCodes.PROBLEMS;
            }
            boolean named = document.object().path("metadata").hasNonNull("namespace");
            String objectNamespace = named ? document.namespace() : namespace != null ? namespace : "default";
            if (!named && namespace == null) {
                err.println("note: " + document.label() + " names no namespace; this policy is for namespace"
                        + " 'default' (use -n NAMESPACE for another)");
                err.flush();
            }
            ObjectContext<?> object = new ObjectContext<>(loaded.descriptor().kind(), objectNamespace,
                    document.name(), "", 0, validated.spec(), Map.of());
            values = new HashMap<>(values);
            values.putAll(permissionValues(loaded.kind(), object));
            adapter = permissions(loaded.kind(), object, true);
            controller = permissions(loaded.kind(), object, false);
        }
        switch (target) {
            case adapter -> out.println(IamPolicy.from(adapter, values).toJson());
            case controller -> out.println(controller.isEmpty() ? "{}" : IamPolicy.from(controller, values).toJson());
            case both -> {
                out.println("# Adapter of " + loaded.descriptor().kind() + " (the identity in spec.auth):");
                out.println(IamPolicy.from(adapter, values).toJson());
                if (controller.isEmpty()) {
                    out.println("# " + loaded.descriptor().kind() + " manages no AWS resources: the controller"
                            + " needs no AWS permissions for it.");
                } else {
                    out.println("# AWS resources the controller manages for " + loaded.descriptor().kind()
                            + " (the object's identity; see docs/auth.md):");
                    out.println(IamPolicy.from(controller, values).toJson());
                }
            }
            default -> throw new IllegalStateException(String.valueOf(target));
        }
        out.flush();
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static <S> List<IamPermission> permissions(ConnectorKind<S> kind, ObjectContext<?> object,
                                                       boolean forAdapter) {
        ObjectContext<S> typed = (ObjectContext<S>) object;
        return forAdapter ? kind.adapterPermissions(typed) : kind.controllerPermissions(typed);
    }

    @SuppressWarnings("unchecked")
    private static <S> Map<String, String> permissionValues(ConnectorKind<S> kind, ObjectContext<?> object) {
        return kind.permissionValues((ObjectContext<S>) object);
    }
}
