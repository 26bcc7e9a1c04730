package dev.stride.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local infrastructure listens and keeps its data, and which parts come from outside.
 * Every value has an environment variable; the launcher's flags override them.
 *
 * @param kafkaSaslSslPort the broker's SASL_SSL listener ({@code STRIDE_KAFKA_SASL_SSL_PORT}, default the Kafka port + 2)
 * @param externalKafka    bootstrap servers of a broker to use instead of starting one ({@code STRIDE_KAFKA_BOOTSTRAP_SERVERS})
 * @param externalDatabase a PostgreSQL to use instead of starting one ({@code STRIDE_DATABASE_URL}, {@code _USER}, {@code _PASSWORD})
 * @param externalSmtp     host:port of an SMTP server to send to instead of the local sink ({@code STRIDE_SMTP_HOST}, {@code STRIDE_SMTP_PORT})
 */
public record InfraSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaSaslSslPort,
        int kafkaPartitions,
        int postgresPort,
        int smtpPort,
        int inboxPort,
        Optional<String> externalKafka,
        Optional<Database> externalDatabase,
        Optional<HostPort> externalSmtp) {

    public record HostPort(String host, int port) {
    }

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_SMTP_PORT = 1025;
    public static final int DEFAULT_INBOX_PORT = 8025;
    public static final int DEFAULT_PARTITIONS = 3;

    /** The local run's settings: fixed, overridable ports; data kept in {@code dataDir}. */
    public static InfraSettings fromEnvironment(Path dataDir, Map<String, String> env) {
        int kafkaPort = intOf(env, "STRIDE_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        return new InfraSettings(
                dataDir,
                kafkaPort,
                intOf(env, "STRIDE_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                intOf(env, "STRIDE_KAFKA_SASL_SSL_PORT", kafkaPort + 2),
                intOf(env, "STRIDE_KAFKA_PARTITIONS", DEFAULT_PARTITIONS),
                intOf(env, "STRIDE_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                intOf(env, "STRIDE_SMTP_PORT", DEFAULT_SMTP_PORT),
                intOf(env, "STRIDE_INBOX_PORT", DEFAULT_INBOX_PORT),
                nonBlank(env.get("STRIDE_KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(env.get("STRIDE_DATABASE_URL")).map(url -> new Database(url,
                        env.getOrDefault("STRIDE_DATABASE_USER", "stride"), env.getOrDefault("STRIDE_DATABASE_PASSWORD", "stride"))),
                nonBlank(env.get("STRIDE_SMTP_HOST")).map(host -> new HostPort(host, intOf(env, "STRIDE_SMTP_PORT", 25))));
    }

    /** Tests: every port picked free, so a running local system is never disturbed; external parts still honoured. */
    public static InfraSettings forTests(Path dataDir, Map<String, String> env) {
        return new InfraSettings(dataDir, Ports.free(), Ports.free(), Ports.free(), intOf(env, "STRIDE_KAFKA_PARTITIONS", DEFAULT_PARTITIONS),
                Ports.free(), Ports.free(), Ports.free(),
                nonBlank(env.get("STRIDE_KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(env.get("STRIDE_DATABASE_URL")).map(url -> new Database(url,
                        env.getOrDefault("STRIDE_DATABASE_USER", "stride"), env.getOrDefault("STRIDE_DATABASE_PASSWORD", "stride"))),
                Optional.empty());
    }

    public InfraSettings withPorts(int kafka, int kafkaController, int postgres, int smtp, int inbox) {
        return new InfraSettings(dataDir, kafka, kafkaController, kafkaSaslSslPort, kafkaPartitions, postgres, smtp, inbox, externalKafka, externalDatabase, externalSmtp);
    }

    static int intOf(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0 || parsed > 65535) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InfrastructureException(name + " must be a number from 0 to 65535, not '" + value + "'.");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
