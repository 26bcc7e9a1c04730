package dev.stride.infra;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventCatalog;
import dev.stride.contracts.event.EventCodec;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.infra.mail.InboxClient;
import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.mail.StoredMail;
import dev.stride.infra.testing.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalInfrastructureTest {

    record Ping(String note) implements DomainEvent {
    }

    private static final EventCatalog CATALOG = EventCatalog.builder().register("Ping", 1, Ping.class).build();
    private static final EventCodec CODEC = new EventCodec(CATALOG);

    private final LocalInfrastructure infra = (LocalInfrastructure) TestInfrastructure.get();

    @Test
    void anEnvelopeMakesARoundTripThroughTheRealBrokerWithCloudEventHeaders() throws Exception {
        String aggregate = "sub-" + UUID.randomUUID();
        EventEnvelope<Ping> sent = EventEnvelope.wrap(CATALOG, aggregate, new Ping("hello"), Clock.systemUTC());

        try (KafkaProducer<String, byte[]> producer = producer(infra.kafkaBootstrapServers())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, aggregate, CODEC.encode(sent));
            CloudEventHeaders.of(sent, "/stride/test").forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }

        ConsumerRecord<String, byte[]> received = consumeUntil(infra.kafkaBootstrapServers(), Topics.SUBSCRIPTION_EVENTS,
                r -> aggregate.equals(r.key()));
        assertThat(CODEC.decode(received.value())).isEqualTo(sent);
        Header type = received.headers().lastHeader("ce_type");
        assertThat(new String(type.value(), StandardCharsets.UTF_8)).isEqualTo("dev.stride.Ping");
        assertThat(new String(received.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(sent.eventId().toString());
    }

    @Test
    void theBrokerHasEveryTopicAndItsDeadLetterTopicWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()))) {
            var topics = admin.describeTopics(Topics.allWithDeadLetters()).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(Topics.allWithDeadLetters());
            topics.values().forEach(topic -> assertThat(topic.partitions()).hasSize(3));
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void theDatabaseIsARealPostgreSqlServer() throws Exception {
        Database database = infra.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT version(), current_database(), current_user")) {
            row.next();
            assertThat(row.getString(1)).startsWith("PostgreSQL 18");
            assertThat(row.getString(2)).isEqualTo("stride");
            assertThat(row.getString(3)).isEqualTo("stride");
        }
    }

    @Test
    void mailSentOverSmtpIsListedWithItsRawSourceByTheInboxApi() throws Exception {
        String to = "learner-" + UUID.randomUUID() + "@example.org";
        send(to, "Your week: Python basics", "Three sessions this week.");

        InboxClient inbox = new InboxClient(infra.inboxUrl().orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messagesTo(to).size() == 1);
        StoredMail mail = inbox.messagesTo(to).get(0);
        assertThat(mail.subject()).isEqualTo("Your week: Python basics");
        assertThat(mail.envelopeTo()).containsExactly(to);
        assertThat(mail.rawText()).contains("Subject: Your week: Python basics").contains("Three sessions this week.");

        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create(inbox.webUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Your week: Python basics").contains(to);
        String message = http.send(HttpRequest.newBuilder(URI.create(inbox.webUrl() + "/messages/" + mail.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(message).contains("Three sessions this week.");
    }

    @Test
    void theInboxEscapesWhatItShows() throws Exception {
        String to = "escape-" + UUID.randomUUID() + "@example.org";
        send(to, "<script>alert(1)</script>", "body");
        InboxClient inbox = new InboxClient(infra.inboxUrl().orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messagesTo(to).size() == 1);

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(inbox.webUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void theSmtpServerRefusesWhatARuleSaysAndGoesAwayWhenSuspended() throws Exception {
        SmtpSink sink = infra.smtpSink().orElseThrow();
        String refused = "bounce-" + UUID.randomUUID() + "@example.org";
        sink.addRule(SmtpReplyRule.refuse(refused.replace(".", "\\."), 550, "5.1.1 No such user"));
        try {
            assertThatThrownBy(() -> send(refused, "x", "y"))
                    .isInstanceOf(SendFailedException.class)
                    .hasStackTraceContaining("550");
        } finally {
            sink.clearRules();
        }

        String later = "later-" + UUID.randomUUID() + "@example.org";
        sink.suspend();
        try {
            assertThatThrownBy(() -> send(later, "x", "y")).isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("Connection refused");
        } finally {
            sink.resume();
        }
        send(later, "after the outage", "y");
        assertThat(sink.messagesTo(later)).extracting(StoredMail::subject).containsExactly("after the outage");
    }

    @Test
    void aSecondRunOnTheSameFolderKeepsTopicsRowsAndMail(@TempDir Path dataDir) throws Exception {
        String table = "kept_" + UUID.randomUUID().toString().replace("-", "");
        InfraSettings settings = InfraSettings.forTests(dataDir, Map.of());
        try (LocalInfrastructure first = LocalInfrastructure.start(settings, line -> { })) {
            try (KafkaProducer<String, byte[]> producer = producer(first.kafkaBootstrapServers())) {
                producer.send(new ProducerRecord<>(Topics.NUDGE_EVENTS, "k", "kept".getBytes(StandardCharsets.UTF_8))).get();
            }
            sql(first.database(), "CREATE TABLE " + table + " (id int)");
            send(first.smtpPort(), "kept@example.org", "kept mail", "x");
        }

        try (LocalInfrastructure second = LocalInfrastructure.start(settings, line -> { })) {
            ConsumerRecord<String, byte[]> kept = consumeUntil(second.kafkaBootstrapServers(), Topics.NUDGE_EVENTS, r -> "k".equals(r.key()));
            assertThat(new String(kept.value(), StandardCharsets.UTF_8)).isEqualTo("kept");
            sql(second.database(), "INSERT INTO " + table + " VALUES (1)");
            assertThat(second.inbox().messagesTo("kept@example.org")).extracting(StoredMail::subject).containsExactly("kept mail");
        }
    }

    @Test
    void aTakenPortFailsFastNamingThePortAndTheSettingToChange(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InfraSettings settings = InfraSettings.forTests(dataDir, Map.of());
            InfraSettings clash = settings.withPorts(taken.getLocalPort(), settings.kafkaControllerPort(), settings.postgresPort(),
                    settings.smtpPort(), settings.inboxPort());

            assertThatThrownBy(() -> LocalInfrastructure.start(clash, line -> { }))
                    .isInstanceOf(InfrastructureException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " for Kafka is already in use. Stop whatever listens there (for example: ss -ltnp 'sport = :"
                            + taken.getLocalPort() + "') or choose another port with --kafka-port or STRIDE_KAFKA_PORT.");
        }
    }

    @Test
    void anUnreachableDatabaseUrlFailsFastWithAdvice(@TempDir Path dataDir) {
        int nobody = Ports.free();
        InfraSettings settings = InfraSettings.forTests(dataDir, Map.of("STRIDE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + nobody + "/stride"));

        assertThatThrownBy(() -> LocalInfrastructure.start(settings, line -> { }))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageStartingWith("Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + nobody + "/stride as stride: ")
                .hasMessageContaining("Connection to 127.0.0.1:" + nobody + " refused")
                .hasMessageEndingWith("or unset STRIDE_DATABASE_URL to let Stride start its own PostgreSQL.");
    }

    @Test
    void anExternalDatabaseIsUsedInsteadOfStartingOne(@TempDir Path dataDir) {
        Database running = infra.database();
        InfraSettings settings = InfraSettings.forTests(dataDir, Map.of("STRIDE_DATABASE_URL", running.jdbcUrl(),
                "STRIDE_DATABASE_USER", running.username(), "STRIDE_DATABASE_PASSWORD", running.password(),
                "STRIDE_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers()));
        List<String> progress = new ArrayList<>();

        try (LocalInfrastructure external = LocalInfrastructure.start(settings, progress::add)) {
            assertThat(external.database()).isEqualTo(running);
            assertThat(external.kafkaBootstrapServers()).isEqualTo(infra.kafkaBootstrapServers());
        }
        assertThat(progress).anyMatch(line -> line.startsWith("PostgreSQL (external)")).anyMatch(line -> line.startsWith("Kafka (external)"));
        assertThat(Ports.isListening("127.0.0.1", Integer.parseInt(running.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"))))
                .as("closing must not stop a database it did not start").isTrue();
    }

    private void send(String to, String subject, String text) throws MessagingException {
        send(infra.smtpPort(), to, subject, text);
    }

    private static void send(int port, String to, String subject, String text) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "3000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("stride@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private static void sql(Database database, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    private static ConsumerRecord<String, byte[]> consumeUntil(String bootstrap, String topic,
                                                               java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no wanted record on " + topic + " within 30 s");
        }
    }

}
