package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The target benchmark's load generator: wrk (C, event loop, a few microseconds of CPU per request), posting
 * binary-mode CloudEvents from a Lua script, so that the load costs far less than what is measured (the JDK
 * HttpClient cost more per request than the adapter). It must be on the PATH.
 */
final class Wrk {

    /** What to tell a user without wrk. */
    static final String INSTALL = "wrk is not on the PATH: the target benchmark drives HTTP with it. Install it"
            + " (Debian/Ubuntu: apt-get install -y wrk; Fedora: dnf install wrk; macOS: brew install wrk) and run"
            + " again, or run -Dbench.only=source";

    /** One wrk run: requests answered, over how long, mean latency, answers that were not 2xx, socket errors. */
    record Result(long requests, double seconds, double meanLatencyMs, long non2xx, long socketErrors) {
        double rate() {
            return requests / seconds;
        }
    }

    private static final String SCRIPT = """
            wrk.method = "POST"
            wrk.body = '%s'
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["ce-specversion"] = "1.0"
            wrk.headers["ce-type"] = "order.created"
            wrk.headers["ce-source"] = "urn:bench"
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            local n = 0
            function request()
              n = n + 1
              wrk.headers["ce-id"] = "bench-" .. tid .. "-" .. n
              return wrk.format()
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK %%d %%d %%.1f %%d %%d\\n", summary.requests, summary.duration,
                latency.mean, e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

    private final String executable;
    private final Path script;

    private Wrk(String executable, Path script) {
        this.executable = executable;
        this.script = script;
    }

    /** wrk from the PATH, or an exception saying how to install it. */
    static Wrk find() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                Path script = Files.createTempFile("bench-cloudevents", ".lua");
                script.toFile().deleteOnExit();
                Files.writeString(script, String.format(SCRIPT, Bench.BODY));
                return new Wrk(candidate.toString(), script);
            }
        }
        throw new IllegalStateException(INSTALL);
    }

    /**
     * {@code connections} clients, each with one request at a time, for {@code duration}; one wrk thread per 32
     * clients at most ({@code -Dbench.wrkThreads} to change).
     */
    Result run(URI target, int connections, Duration duration) throws IOException, InterruptedException {
        int threads = Integer.getInteger("bench.wrkThreads", Math.max(1, Math.min(2, connections / 32)));
        List<String> command = List.of(executable, "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s", "-s", script.toString(),
                target.toString());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk failed: " + out);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("WRK ")) {
                String[] f = line.trim().split(" ");
                Result result = new Result(Long.parseLong(f[1]), Long.parseLong(f[2]) / 1e6,
                        Double.parseDouble(f[3]) / 1000, Long.parseLong(f[4]), Long.parseLong(f[5]));
                if (result.non2xx() > 0) {
                    throw new IllegalStateException(target + " answered " + result.non2xx() + " of "
                            + result.requests() + " requests with a status other than 2xx");
                }
                return result;
            }
        }
        throw new IllegalStateException("wrk printed no summary: " + out);
    }
}
