package io.triggermesh.aws.local;

import io.triggermesh.aws.controller.ControllerCommand;
import java.util.List;

/**
 * {@code java -jar local.jar <command>}: the controller jar's commands ({@code run}, {@code validate},
 * {@code policy}, {@code render}) plus {@code local}, so local mode keeps the command line it had inside the
 * controller jar, while the controller jar and image carry no in-memory API server (docs/local-mode.md).
 */
public final class LocalMain {

    private LocalMain() {
    }

    public static void main(String[] args) {
        System.exit(ControllerCommand.execute(List.of(LocalCommand.class), args));
    }
}
