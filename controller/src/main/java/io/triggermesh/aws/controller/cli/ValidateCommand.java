package io.triggermesh.aws.controller.cli;

import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.Problem;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code validate -f FILE|DIR...}: every problem of every connector object; exit code 1 when there is any, 2 when
 * the input cannot be read ({@link ExitCodes}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.CODE_0, ExitCodes.CODE_1, ExitCodes.CODE_2, ExitCodes.CODE_3},
        description = "Check connector manifests as the controller would.")
public class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true, description = "Manifest file or directory (repeatable).")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Mixin
    CommandErrors errors;

    @Inject
    PluginRegistry registry;

    @Override
    public Integer call() {
        return errors.run(spec, this::validate);
    }

    private int validate() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectValidator validator = new ObjectValidator(registry);
        int objects = 0;
        int invalid = 0;
        for (Manifests.Document document : Manifests.read(paths)) {
            if (!ObjectValidator.isTriggerMeshObject(document.object())) {
                continue;
            }
            objects++;
            ValidatedObject result = validator.validate(document.object());
            if (result.problems().isEmpty()) {
                out.println("ok       " + document.label());
            } else {
                invalid++;
                out.println("invalid  " + document.label());
                for (Problem problem : result.problems()) {
                    out.println("         " + problem.path() + ": " + problem.message());
                }
            }
        }
        out.println(objects + " connector objects, " + invalid + " with problems");
        out.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
