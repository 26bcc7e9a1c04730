package dev.stride.infra;

import dev.stride.contracts.kafka.KafkaAccess;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.scram.internals.ScramSaslServerProvider;

import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The broker's second listener, as production has it: SASL_SSL with SCRAM-SHA-512 over TLS ({@link KafkaTls}), the
 * {@code StandardAuthorizer}, and one SCRAM user per service ({@link KafkaAccess}) allowed only its own topics and groups.
 * The PLAINTEXT listener stays for the launcher and the rest of the tests: its clients are {@code User:ANONYMOUS}, a super
 * user, and so are the controller's and the broker's own connections.
 */
public final class KafkaSaslSsl {

    public static final String LISTENER = "SASL_SSL";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_SSL";

    private static final String SCRAM_SERVER_PROVIDER = "SASL/SCRAM Server Provider";

    private final int port;
    private final KafkaTls tls;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private KafkaSaslSsl(int port, KafkaTls tls) {
        this.port = port;
        this.tls = tls;
        KafkaAccess.ALL.forEach(access -> passwords.put(access.user(), KafkaTls.randomSecret()));
    }

    /** A listener on {@code port} with a fresh certificate in {@code tlsDir} and fresh passwords for every service user. */
    public static KafkaSaslSsl prepare(int port, Path tlsDir) {
        return new KafkaSaslSsl(port, KafkaTls.generate(tlsDir));
    }

    /** Adds the listener, its TLS and SASL settings and the authorizer to a broker's configuration. */
    void configure(Properties broker) {
        broker.put("listeners", broker.getProperty("listeners") + "," + LISTENER + "://127.0.0.1:" + port);
        broker.put("advertised.listeners", broker.getProperty("advertised.listeners") + "," + LISTENER + "://127.0.0.1:" + port);
        broker.put("listener.security.protocol.map", broker.getProperty("listener.security.protocol.map") + "," + LISTENER + ":" + PROTOCOL);
        String prefix = "listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        broker.put("sasl.enabled.mechanisms", MECHANISM);
        broker.put(prefix + "sasl.enabled.mechanisms", MECHANISM);
        broker.put(prefix + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        broker.put(prefix + "ssl.keystore.location", tls.keystore().toString());
        broker.put(prefix + "ssl.keystore.type", KafkaTls.STORE_TYPE);
        broker.put(prefix + "ssl.keystore.password", tls.keystorePassword());
        broker.put(prefix + "ssl.key.password", tls.keystorePassword());
        broker.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        broker.put("super.users", "User:ANONYMOUS");
        broker.put("allow.everyone.if.no.acl.found", "false");
    }

    /** Creates (or resets) each service's SCRAM user and its ACLs, through {@code adminBootstrap}, a super user's listener. */
    void grant(String adminBootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, adminBootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"))) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            passwords.forEach((user, password) -> users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)));
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(20, TimeUnit.SECONDS);
            admin.createAcls(KafkaAccess.ALL.stream().flatMap(access -> aclsOf(access).stream()).toList()).all().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new InfrastructureException("Cannot create the Kafka users and ACLs on " + adminBootstrap + ": " + e.getMessage(), e);
        }
    }

    /** The ACLs {@code access} says: READ+DESCRIBE on what it consumes and its groups, WRITE+DESCRIBE on what it produces. */
    public static List<AclBinding> aclsOf(KafkaAccess access) {
        List<AclBinding> acls = new ArrayList<>();
        access.reads().forEach(topic -> allow(acls, access.user(), ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE));
        access.writes().forEach(topic -> allow(acls, access.user(), ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE));
        access.groups().forEach(group -> allow(acls, access.user(), ResourceType.GROUP, group, AclOperation.READ, AclOperation.DESCRIBE));
        return acls;
    }

    private static void allow(List<AclBinding> acls, String user, ResourceType type, String name, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka user '" + user + "'; known: " + passwords.keySet());
        }
        return password;
    }

    /** Kafka client settings for {@code user} with {@code password} (a wrong one too, for tests that must be refused). */
    public Map<String, String> clientConfig(String user, String password) {
        Map<String, String> config = trustOnly();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        return config;
    }

    public Map<String, String> clientConfig(String user) {
        return clientConfig(user, password(user));
    }

    /** TLS to the listener but no credentials at all: what a stranger on the network has. */
    public Map<String, String> trustOnly() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.truststore().toString());
        config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.truststorePassword());
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, KafkaTls.STORE_TYPE);
        return config;
    }

    /**
     * Makes this broker's class loader the one whose SCRAM server the JVM hands out. Kafka's SCRAM server comes through a
     * JVM-wide JCA provider, registered by the first class loader that starts a SASL broker; where a test framework loads
     * these classes more than once (Quarkus: a class loader, and so an infrastructure, per test profile), a broker of another
     * loader would get a SCRAM server that does not understand its callbacks and refuses every login as "invalid credentials".
     * Called by whoever hands this listener's settings to clients, before they connect.
     */
    public void useThisBrokersScramServer() {
        synchronized (Security.class) {
            Provider current = Security.getProvider(SCRAM_SERVER_PROVIDER);
            if (current == null || current.getClass() != ScramSaslServerProvider.class) {
                Security.removeProvider(SCRAM_SERVER_PROVIDER);
                ScramSaslServerProvider.initialize();
            }
        }
    }

    /** A service's Quarkus configuration for this listener as {@code user}: every key under {@code kafka.}. */
    public Map<String, String> serviceConfig(String user) {
        Map<String, String> config = new LinkedHashMap<>();
        clientConfig(user).forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
