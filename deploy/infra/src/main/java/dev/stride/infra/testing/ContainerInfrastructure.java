package dev.stride.infra.testing;

import dev.stride.contracts.Topics;
import dev.stride.infra.Database;
import dev.stride.infra.InfraSettings;
import dev.stride.infra.InfrastructureException;
import dev.stride.infra.KafkaBroker;
import dev.stride.infra.StrideInfrastructure;
import dev.stride.infra.mail.Inbox;
import dev.stride.infra.mail.StoredMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The same infrastructure from Testcontainers, for machines with a Docker engine that opt in with
 * {@code -DstrideInfra=testcontainers} (or {@code STRIDE_TEST_INFRA=testcontainers}): the Apache Kafka
 * image in KRaft mode, PostgreSQL, and Mailpit as the SMTP sink whose API the {@link Inbox} reads.
 * Our CI has no Docker engine, so this path is exercised only where one exists.
 */
final class ContainerInfrastructure implements StrideInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    static final String POSTGRES_IMAGE = "postgres:18-alpine";
    static final String MAILPIT_IMAGE = "axllent/mailpit:v1.27";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> mailpit;

    private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres, GenericContainer<?> mailpit) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.mailpit = mailpit;
    }

    static ContainerInfrastructure start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new InfrastructureException("Testcontainers was asked for (strideInfra=testcontainers) but no Docker engine answers. "
                    + "Start Docker, or drop the option to use the built-in infrastructure.");
        }
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName("stride").withUsername("stride").withPassword("stride");
        GenericContainer<?> mailpit = new GenericContainer<>(MAILPIT_IMAGE)
                .withExposedPorts(1025, 8025)
                .waitingFor(Wait.forHttp("/livez").forPort(8025));
        ContainerInfrastructure infra = new ContainerInfrastructure(kafka, postgres, mailpit);
        try {
            kafka.start();
            postgres.start();
            mailpit.start();
            KafkaBroker.createTopics(kafka.getBootstrapServers(), Topics.allWithDeadLetters(), InfraSettings.DEFAULT_PARTITIONS);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public Database database() {
        return new Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public String smtpHost() {
        return mailpit.getHost();
    }

    @Override
    public int smtpPort() {
        return mailpit.getMappedPort(1025);
    }

    @Override
    public Inbox inbox() {
        return new MailpitInbox("http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(8025));
    }

    @Override
    public void close() {
        mailpit.stop();
        postgres.stop();
        kafka.stop();
    }

    /** Reads Mailpit's API: the message list, then each message's raw source. */
    private static final class MailpitInbox implements Inbox {
        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();

        MailpitInbox(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public List<StoredMail> messagesTo(String address) {
            return messages().stream().filter(mail -> mail.isFor(address)).toList();
        }

        @Override
        public List<StoredMail> messages() {
            try {
                List<StoredMail> mails = new ArrayList<>();
                JsonNode list = json.readTree(get("/api/v1/messages?limit=1000"));
                long sequence = 0;
                for (JsonNode summary : list.path("messages")) {
                    List<String> to = new ArrayList<>();
                    summary.path("To").forEach(address -> to.add(address.path("Address").asText()));
                    summary.path("Cc").forEach(address -> to.add(address.path("Address").asText()));
                    summary.path("Bcc").forEach(address -> to.add(address.path("Address").asText()));
                    byte[] raw = get("/api/v1/message/" + summary.path("ID").asText() + "/raw");
                    mails.add(new StoredMail(++sequence, Instant.parse(summary.path("Created").asText()),
                            summary.path("From").path("Address").asText(), to, raw));
                }
                mails.sort(Comparator.comparing(StoredMail::receivedAt));
                return mails;
            } catch (IOException e) {
                throw new IllegalStateException("Mailpit at " + baseUrl + " unreadable: " + e.getMessage(), e);
            }
        }

        @Override
        public String webUrl() {
            return baseUrl;
        }

        private byte[] get(String path) throws IOException {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + " for " + path + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
