package dev.stride.infra.local;

import dev.stride.infra.InfraSettings;
import dev.stride.infra.InfrastructureException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The launcher's command line. Each flag has an environment variable (shown in {@link #USAGE}); a
 * flag wins over its variable, and both win over the defaults. The {@code stride} script prints the same
 * usage itself, so that {@code --help} needs no build (LaunchOptionsTest keeps the two equal).
 */
record LaunchOptions(Path projectDir, boolean fresh, InfraSettings infra, int roadmapPort, int reminderPort, int notifierPort) {

    static final String USAGE = """
            Usage: ./stride [options]

            Builds Stride if its sources changed, starts Kafka, PostgreSQL, an SMTP server with a web inbox
            and the three services, and prints where to go. A service that exits is started again after
            1 s, 2 s, 4 s ... up to 30 s (1 s again once it ran a minute). Ctrl-C stops everything it started.

              --help, -h              print this and exit (needs no build)
              --fresh                 wipe the kept data (database, Kafka logs, inbox) before starting
              --no-build              never build; use what target/ holds
              --data-dir DIR          where data and logs are kept    STRIDE_DATA_DIR      (target/stride-local)
              --roadmap-port N        roadmap-service HTTP port       STRIDE_ROADMAP_PORT  (8080)
              --reminder-port N       reminder-service HTTP port      STRIDE_REMINDER_PORT (8081)
              --notifier-port N       notifier-service HTTP port      STRIDE_NOTIFIER_PORT (8082)
                                      (each service's health and metrics: its port + 1000, e.g. 9080)
              --inbox-port N          web inbox                       STRIDE_INBOX_PORT    (8025)
              --smtp-port N           SMTP server                     STRIDE_SMTP_PORT     (1025)
              --kafka-port N          Kafka broker                    STRIDE_KAFKA_PORT    (9092; controller N+1, SASL_SSL N+2)
              --postgres-port N       PostgreSQL                      STRIDE_POSTGRES_PORT (15432)
              --partitions N          partitions per topic            STRIDE_KAFKA_PARTITIONS (3)

            Use existing servers instead of starting them:
              STRIDE_KAFKA_BOOTSTRAP_SERVERS=host:port
              STRIDE_DATABASE_URL=jdbc:postgresql://host:port/db  STRIDE_DATABASE_USER  STRIDE_DATABASE_PASSWORD
              STRIDE_SMTP_HOST=host  STRIDE_SMTP_PORT=port        (no web inbox then)
            """;

    /** Each service's management interface (health, metrics) is on its HTTP port plus this. */
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** The options without a value; those with one are the keys of {@link #FLAG_TO_ENV}. */
    private static final List<String> SWITCHES = List.of("--help", "-h", "--fresh", "--no-build");

    private static final Map<String, String> FLAG_TO_ENV = Map.of(
            "--data-dir", "STRIDE_DATA_DIR",
            "--roadmap-port", "STRIDE_ROADMAP_PORT",
            "--reminder-port", "STRIDE_REMINDER_PORT",
            "--notifier-port", "STRIDE_NOTIFIER_PORT",
            "--inbox-port", "STRIDE_INBOX_PORT",
            "--smtp-port", "STRIDE_SMTP_PORT",
            "--kafka-port", "STRIDE_KAFKA_PORT",
            "--postgres-port", "STRIDE_POSTGRES_PORT",
            "--partitions", "STRIDE_KAFKA_PARTITIONS");

    /** Every option a person may give (not {@code --project-dir}, which the script adds). */
    static Set<String> options() {
        Set<String> options = new TreeSet<>(SWITCHES);
        options.addAll(FLAG_TO_ENV.keySet());
        return options;
    }

    /** Whether {@code option} takes a value. */
    static boolean takesValue(String option) {
        return FLAG_TO_ENV.containsKey(option);
    }

    /** Returns null when {@code --help} was asked for. */
    static LaunchOptions parse(List<String> args, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        Path projectDir = null;
        boolean fresh = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--fresh" -> fresh = true;
                case "--no-build" -> {
                    // handled by the stride script; accepted here so it can pass every argument through
                }
                case "--project-dir" -> projectDir = Path.of(valueOf(args, ++i, arg));
                default -> {
                    String variable = FLAG_TO_ENV.get(arg);
                    if (variable == null) {
                        throw new InfrastructureException("Unknown option '" + arg + "'. ./stride --help lists the options.");
                    }
                    env.put(variable, valueOf(args, ++i, arg));
                }
            }
        }
        if (projectDir == null) {
            projectDir = Path.of("").toAbsolutePath();
        }
        Path dataDir = env.containsKey("STRIDE_DATA_DIR")
                ? Path.of(env.get("STRIDE_DATA_DIR")).toAbsolutePath()
                : projectDir.resolve("target/stride-local");
        InfraSettings infra = InfraSettings.fromEnvironment(dataDir, env);
        return new LaunchOptions(projectDir.toAbsolutePath(), fresh, infra,
                port(env, "STRIDE_ROADMAP_PORT", 8080), port(env, "STRIDE_REMINDER_PORT", 8081), port(env, "STRIDE_NOTIFIER_PORT", 8082));
    }

    /** Where a service on {@code httpPort} serves health and metrics in the local run. */
    static int managementPort(int httpPort) {
        return httpPort + MANAGEMENT_PORT_OFFSET;
    }

    private static String valueOf(List<String> args, int index, String flag) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new InfrastructureException("Option " + flag + " needs a value. ./stride --help lists the options.");
        }
        return args.get(index);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535 - MANAGEMENT_PORT_OFFSET) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InfrastructureException(name + " must be a port number from 1 to " + (65535 - MANAGEMENT_PORT_OFFSET)
                    + " (the service's health and metrics take the port + " + MANAGEMENT_PORT_OFFSET + "), not '" + value + "'.");
        }
    }
}
