package io.triggermesh.aws.adapter.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging of an adapter process. Our code logs through {@link System.Logger} and the AWS SDK through SLF4J; both end
 * in {@code java.util.logging}, where this installs one handler that writes single lines to standard error after
 * passing them through a {@link SecretRedactor}. The level comes from {@code LOG_LEVEL}.
 */
public final class AdapterLogging {

    /** {@code error}, {@code warn}, {@code info} (default), {@code debug} or {@code trace}. */
    public static final String LOG_LEVEL = io.triggermesh.aws.spi.AdapterEnv.LOG_LEVEL;

    private static final List<String> JDK_LOGGERS = List.of("jdk", "sun", "javax.net", "java.net");
    /** The JDK's HttpURLConnection, which the SDK's URL-connection client and credential providers use. */
    static final String JDK_HTTP_CLIENT = "sun.net.www.protocol.http";
    /** Held so the levels stick (loggers are weakly referenced). */
    private static final List<Logger> QUIET = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The redactor of the process's log; process-wide like the log itself. Shapes only until configured. */
    private static volatile SecretRedactor redactor = SecretRedactor.of(List.of());

    private AdapterLogging() {
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.INFO);
        return logger;
    }

    /**
     * Replaces the handlers of the root logger with a redacting one at the level {@code LOG_LEVEL} names. Call once,
     * first thing in {@code main}; logging is process-wide by nature.
     *
     * @throws IllegalArgumentException when {@code LOG_LEVEL} is not a known level
     */
    public static void configure(Map<String, String> env) {
        configure(level(env.get(LOG_LEVEL)), SecretRedactor.forEnvironment(env), System.err);
    }

    /** As {@link #configure(Map)}, writing to {@code out}; for tests that read what was logged. */
    public static Handler configure(Level level, SecretRedactor redactor, PrintStream out) {
        Objects.requireNonNull(redactor, "redactor");
        AdapterLogging.redactor = redactor;
        LogManager manager = LogManager.getLogManager();
        if (manager instanceof AdapterLogManager adapterManager) {
            adapterManager.resetForConfiguration();
        } else {
            manager.reset();
        }
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        // The JDK's own loggers (every trusted certificate, every TLS record) drown an adapter's debug log; they
        // speak only at trace.
        if (level.intValue() > Level.FINER.intValue() && level.intValue() < Level.INFO.intValue()) {
            JDK_LOGGERS.forEach(name -> QUIET.add(quiet(name)));
        }
        // At FINE the JDK's HTTP client logs every request header unfiltered, the container credentials
        // endpoint's Authorization token among them: never below INFO, whatever the level.
        QUIET.add(quiet(JDK_HTTP_CLIENT));
        Handler handler = new LineHandler(out, new RedactingFormatter(redactor));
        handler.setLevel(level);
        root.addHandler(handler);
        return handler;
    }

    /**
     * The redactor this process's log uses: it knows the adapter's credential values and masks credential shapes.
     * For text that leaves the process by another way than the log, such as an HTTP reply quoting an AWS error
     * (AWS echoes the signed request in some). Before {@link #configure} it masks credential shapes only.
     */
    public static SecretRedactor redactor() {
        return redactor;
    }

    /** The level {@code LOG_LEVEL} names; {@code INFO} when unset. */
    public static Level level(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "info" -> Level.INFO;
            case "debug" -> Level.FINE;
            case "trace", "all" -> Level.ALL;
            default -> throw new IllegalArgumentException(LOG_LEVEL + " must be one of error, warn, info, debug,"
                    + " trace, not '" + name + "'");
        };
    }

    /** One line per record, {@code time level logger: message}, then the stack trace; secrets masked. */
    static final class RedactingFormatter extends Formatter {
        private final SecretRedactor redactor;

        RedactingFormatter(SecretRedactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(name(record.getLevel())).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return redactor.redact(line.toString());
        }

        private static String name(Level level) {
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (value >= Level.WARNING.intValue()) {
                return "WARN ";
            }
            if (value >= Level.INFO.intValue()) {
                return "INFO ";
            }
            return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
        }
    }

    private static final class LineHandler extends Handler {
        private final PrintStream out;

        LineHandler(PrintStream out, Formatter formatter) {
            this.out = out;
            setFormatter(formatter);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String text = getFormatter().format(record);
            synchronized (out) {
                out.print(text);
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
