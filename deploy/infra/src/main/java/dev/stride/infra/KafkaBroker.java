package dev.stride.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM
 * from the Apache Kafka jars and listening on 127.0.0.1. Its log folder is formatted once and reused,
 * so topics and offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Properties config;
    private final String bootstrapServers;
    private final KafkaSaslSsl saslSsl;
    private KafkaRaftServer server;

    private KafkaBroker(Properties config, String bootstrapServers, KafkaSaslSsl saslSsl) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.saslSsl = saslSsl;
    }

    /**
     * Starts a broker on {@code port} (the controller on {@code controllerPort}) with its logs in {@code dataDir}.
     * {@code partitions} is the default for topics created implicitly.
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, int partitions) {
        return start(dataDir, port, controllerPort, partitions, null);
    }

    /**
     * As {@link #start(Path, int, int, int)}, plus the SASL_SSL listener {@code saslSsl} (null for none) with its users and
     * ACLs, granted once the broker is up.
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, int partitions, KafkaSaslSsl saslSsl) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("num.partitions", Integer.toString(partitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "1");
        if (saslSsl != null) {
            saslSsl.configure(props);
        }
        try {
            Files.createDirectories(dataDir);
            format(dataDir);
            KafkaBroker broker = new KafkaBroker(props, "127.0.0.1:" + port, saslSsl);
            broker.resume();
            if (saslSsl != null) {
                try {
                    saslSsl.grant(broker.bootstrapServers());
                } catch (RuntimeException e) {
                    broker.close();
                    throw e;
                }
            }
            return broker;
        } catch (Exception e) {
            throw new InfrastructureException("Kafka did not start on 127.0.0.1:" + port + " with logs in " + dataDir + " ("
                    + e.getMessage() + "). If the log folder is damaged, start again with --fresh.", e);
        }
    }

    private static void format(Path dataDir) throws Exception {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dataDir.toString()))
                .setMetadataLogDirectory(dataDir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setHasDynamicQuorum(false)
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_SSL listener with its per-service users, when the broker was started with one. */
    public Optional<KafkaSaslSsl> saslSsl() {
        return Optional.ofNullable(saslSsl);
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions. */
    public void createTopics(Collection<String> topics, int partitions) {
        createTopics(bootstrapServers, topics, partitions);
    }

    /** Creates missing topics on any broker (also one Stride did not start). */
    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new InfrastructureException("Cannot create topics " + topics + " on Kafka at " + bootstrapServers + ": "
                    + e.getMessage() + ". Check that the broker runs and accepts connections there.", e);
        }
    }

    /** Stops the broker, keeping its logs: clients now meet a broker that is down. */
    public synchronized void suspend() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts it again on the same port with the same logs. */
    public synchronized void resume() {
        if (server == null) {
            KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            started.startup();
            server = started;
        }
    }

    @Override
    public void close() {
        suspend();
    }
}
