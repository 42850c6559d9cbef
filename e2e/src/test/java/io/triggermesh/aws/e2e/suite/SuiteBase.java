package io.triggermesh.aws.e2e.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A suite of scenarios sharing one {@link World}, run in order, reported in the {@link Summary}, and ending with
 * the canary check: no secret value the suite used appears in anything the system showed.
 */
@ExtendWith(Summary.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SuiteBase {

    protected World world;
    protected Aws aws;
    protected Sink sink;
    protected LocalSystem system;

    /** Starts what this suite runs against. */
    protected abstract World startWorld();

    @BeforeAll
    final void startSuite() {
        world = startWorld();
        aws = world.aws;
        sink = world.sink;
        system = world.system;
    }

    @AfterAll
    final void stopSuite() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void targetAdaptersListenOnLoopbackOnly() {
        assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
        // Every target still running must listen on loopback only. The ports of targets a scenario deleted are
        // free again, and anything else on the machine may have taken them since: those are not looked at.
        int listening = 0;
        for (Map.Entry<String, String> target : system.targetUrls().entrySet()) {
            if (!ProcessHandle.of(system.adapterPid(target.getKey())).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            int port = URI.create(target.getValue()).getPort();
            List<String> addresses = ListeningSockets.addressesListeningOn(port);
            assertThat(addresses).as("addresses listening for %s on port %d", target.getKey(), port)
                    .allMatch(ListeningSockets::isLoopback, "loopback");
            listening += addresses.isEmpty() ? 0 : 1;
        }
        assumeTrue(listening > 0 || system.targetUrls().isEmpty(), "no target of this suite still runs");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noSecretValueAppearsInAnyLogEventStatusOrDeployment() {
        assertThat(Canaries.findIn(system)).isEmpty();
    }
}
