package dev.stride.infra;

import dev.stride.contracts.Topics;
import dev.stride.infra.mail.Inbox;
import dev.stride.infra.mail.InboxClient;
import dev.stride.infra.mail.InboxWeb;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.trace.TraceReceiver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Kafka, PostgreSQL and the SMTP sink with its web inbox, started in this JVM without Docker. The one
 * piece of code behind both the local run and the tests. Parts named in {@link InfraSettings} as
 * external are checked and used instead of started.
 */
public final class LocalInfrastructure implements StrideInfrastructure {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private String kafkaBootstrapServers;
    private Database database;
    private String smtpHost;
    private int smtpPort;
    private KafkaBroker kafkaBroker;
    private SmtpSink smtpSink;
    private InboxWeb inboxWeb;
    private TraceReceiver traceReceiver;

    private LocalInfrastructure() {
    }

    /** Starts what {@code settings} asks for; {@code progress} hears one line per part. On failure, stops what it started. */
    public static LocalInfrastructure start(InfraSettings settings, Consumer<String> progress) {
        requirePortsFree(settings);
        LocalInfrastructure infra = new LocalInfrastructure();
        try {
            infra.startDatabase(settings, progress);
            infra.startKafka(settings, progress);
            infra.startMail(settings, progress);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private static void requirePortsFree(InfraSettings settings) {
        if (settings.externalKafka().isEmpty()) {
            Ports.requireFree(settings.kafkaPort(), "Kafka", "--kafka-port or STRIDE_KAFKA_PORT");
            Ports.requireFree(settings.kafkaControllerPort(), "the Kafka controller", "STRIDE_KAFKA_CONTROLLER_PORT");
            Ports.requireFree(settings.kafkaSaslSslPort(), "Kafka's SASL_SSL listener", "STRIDE_KAFKA_SASL_SSL_PORT");
        }
        if (settings.externalDatabase().isEmpty()) {
            Ports.requireFree(settings.postgresPort(), "PostgreSQL", "--postgres-port or STRIDE_POSTGRES_PORT");
        }
        if (settings.externalSmtp().isEmpty()) {
            Ports.requireFree(settings.smtpPort(), "the SMTP server", "--smtp-port or STRIDE_SMTP_PORT");
            Ports.requireFree(settings.inboxPort(), "the web inbox", "--inbox-port or STRIDE_INBOX_PORT");
        }
    }

    private void startDatabase(InfraSettings settings, Consumer<String> progress) {
        PostgresServer postgres = settings.externalDatabase()
                .map(PostgresServer::external)
                .orElseGet(() -> PostgresServer.start(settings.dataDir().resolve("postgres"), settings.postgresPort(),
                        settings.dataDir().resolve("logs/postgres.log")));
        started.push(postgres);
        database = postgres.database();
        progress.accept((postgres.isEmbedded() ? "PostgreSQL started: " : "PostgreSQL (external): ") + database.jdbcUrl());
    }

    private void startKafka(InfraSettings settings, Consumer<String> progress) {
        if (settings.externalKafka().isPresent()) {
            kafkaBootstrapServers = settings.externalKafka().get();
            KafkaBroker.createTopics(kafkaBootstrapServers, Topics.allWithDeadLetters(), settings.kafkaPartitions());
            progress.accept("Kafka (external): " + kafkaBootstrapServers);
            return;
        }
        KafkaSaslSsl saslSsl = KafkaSaslSsl.prepare(settings.kafkaSaslSslPort(), settings.dataDir().resolve("kafka-tls"));
        KafkaBroker broker = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.kafkaPartitions(), saslSsl);
        started.push(broker);
        kafkaBroker = broker;
        broker.createTopics(Topics.allWithDeadLetters(), settings.kafkaPartitions());
        kafkaBootstrapServers = broker.bootstrapServers();
        progress.accept("Kafka started: " + kafkaBootstrapServers + " (topics with " + settings.kafkaPartitions() + " partitions; SASL_SSL "
                + saslSsl.bootstrapServers() + " with a user per service)");
    }

    private void startMail(InfraSettings settings, Consumer<String> progress) {
        Optional<InfraSettings.HostPort> external = settings.externalSmtp();
        if (external.isPresent()) {
            smtpHost = external.get().host();
            smtpPort = external.get().port();
            progress.accept("SMTP (external): " + smtpHost + ":" + smtpPort);
            return;
        }
        smtpSink = SmtpSink.start(settings.smtpPort(), settings.dataDir().resolve("mail"));
        started.push(smtpSink);
        traceReceiver = new TraceReceiver(settings.dataDir().resolve("traces.jsonl"));
        inboxWeb = InboxWeb.start(smtpSink, settings.inboxPort(), traceReceiver);
        started.push(inboxWeb);
        smtpHost = "127.0.0.1";
        smtpPort = smtpSink.port();
        progress.accept("SMTP server started: 127.0.0.1:" + smtpPort + ", web inbox " + inboxWeb.url());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public String smtpHost() {
        return smtpHost;
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    /** The broker itself, for tests that stop and restart it; empty when Kafka is external. */
    public Optional<KafkaBroker> kafkaBroker() {
        return Optional.ofNullable(kafkaBroker);
    }

    /** The broker's SASL_SSL listener and its per-service users; empty when Kafka is external. */
    public Optional<KafkaSaslSsl> kafkaSaslSsl() {
        return kafkaBroker().flatMap(KafkaBroker::saslSsl);
    }

    /** The SMTP sink itself, for tests that make it refuse or go away; empty when SMTP is external. */
    public Optional<SmtpSink> smtpSink() {
        return Optional.ofNullable(smtpSink);
    }

    public Optional<String> inboxUrl() {
        return Optional.ofNullable(inboxWeb).map(InboxWeb::url);
    }

    /** Where the services may export spans (OTLP/HTTP base URL, the inbox's server); empty when SMTP is external. */
    public Optional<String> traceEndpoint() {
        return inboxUrl();
    }

    /** The file the local trace receiver appends spans to; empty when SMTP is external (no inbox server to receive them). */
    public Optional<java.nio.file.Path> traceFile() {
        return Optional.ofNullable(traceReceiver).map(TraceReceiver::file);
    }

    /** Reads the local sink over its HTTP API, as anyone outside this JVM would. */
    @Override
    public Inbox inbox() {
        if (inboxWeb == null) {
            throw new IllegalStateException("SMTP is external: Stride has no inbox to read");
        }
        return new InboxClient(inboxWeb.url());
    }

    /** Stops everything it started, newest first; safe to call twice. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Stopping " + part.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }
}
