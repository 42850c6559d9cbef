package io.triggermesh.aws.e2e.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local addresses of the TCP sockets listening on a port, read from Linux's {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}: what the kernel accepts connections on, whatever the process printed.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Whether this machine exposes {@code /proc/net/tcp} (Linux). */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** The hexadecimal local addresses (as the kernel prints them) listening on {@code port}. */
    static List<String> addressesListeningOn(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(path);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    String[] local = fields[1].split(":");
                    if (local[1].equals(hexPort) && fields[3].equals(LISTEN)) {
                        addresses.add(local[0]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return addresses;
    }

    /** Whether a kernel address is loopback: 127.0.0.0/8 (IPv4, little-endian hex) or ::1 / ::ffff:127.x (IPv6). */
    static boolean isLoopback(String hexAddress) {
        if (hexAddress.length() == 8) {
            return hexAddress.endsWith("7F");
        }
        return hexAddress.equals("00000000000000000000000001000000")
                || hexAddress.startsWith("0000000000000000FFFF0000") && hexAddress.endsWith("7F");
    }
}
