package dev.stride.infra;

import dev.stride.infra.mail.Inbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the services find Kafka, PostgreSQL and SMTP, however they were started. */
public interface StrideInfrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    Database database();

    String smtpHost();

    int smtpPort();

    /** Reads what the SMTP server received. */
    Inbox inbox();

    /**
     * The Quarkus configuration that points a service here. The launcher passes it as environment
     * variables ({@link #asEnvironment}); the test resource hands it to Quarkus directly.
     */
    default Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database().jdbcUrl());
        config.put("quarkus.datasource.username", database().username());
        config.put("quarkus.datasource.password", database().password());
        config.put("quarkus.mailer.host", smtpHost());
        config.put("quarkus.mailer.port", Integer.toString(smtpPort()));
        return config;
    }

    /** Quarkus's environment-variable form of each key: upper case, every other character an underscore. */
    static Map<String, String> asEnvironment(Map<String, String> config) {
        Map<String, String> env = new LinkedHashMap<>();
        config.forEach((key, value) -> env.put(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return env;
    }

    @Override
    void close();
}
