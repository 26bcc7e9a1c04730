package dev.stride.manifests;

import dev.stride.contracts.Topics;
import dev.stride.contracts.kafka.KafkaAccess;
import dev.stride.manifests.Project.StrideService;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml against the services it runs: what they read, where they listen, how they are built. */
class DockerComposeTest {

    static final Path COMPOSE_FILE = Project.root().resolve("docker-compose.yml");
    static final ComposeFile COMPOSE = ComposeFile.read(COMPOSE_FILE);
    private static final Set<String> HEALTHY_OR_DONE = Set.of("service_healthy", "service_completed_successfully");

    @Test
    void runsEveryServiceAndTheInfrastructure() {
        assertThat(COMPOSE.services()).containsKeys("kafka", "kafka-topics", "postgres", "mailpit");
        assertThat(COMPOSE.services()).containsKeys(Project.SERVICE_NAMES.toArray(String[]::new));
        assertThat(COMPOSE.services().get("kafka").image()).isEqualTo("apache/kafka:4.2.1");
        assertThat(COMPOSE.services().get("postgres").image()).isEqualTo("postgres:18");
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() {
        List<String> unread = new ArrayList<>();
        for (StrideService service : Project.services()) {
            compose(service).environmentOrEmpty().forEach((variable, value) -> {
                if (!service.reads(variable, value)) {
                    unread.add(service.name() + ": " + variable);
                }
            });
        }
        assertThat(unread).as("variables that map to no property of the service's application.properties (Quarkus: upper case, "
                + "every other character '_'), no ${VARIABLE} it refers to, and no ENV of its Dockerfile").isEmpty();
    }

    @Test
    void everySettingAServiceNeedsIsSet() {
        List<String> missing = new ArrayList<>();
        for (StrideService service : Project.services()) {
            // What the image sets (QUARKUS_HTTP_HOST=0.0.0.0 over the services' loopback default) counts too.
            Set<String> environment = new java.util.HashSet<>(compose(service).environmentOrEmpty().keySet());
            environment.addAll(service.imageVariables());
            for (ServiceConfig.Setting setting : service.config().requiredSettings()) {
                if (!setting.isSetBy(environment)) {
                    missing.add(service.name() + ": " + setting.property() + " (set one of " + setting.variables() + ")");
                }
            }
        }
        assertThat(missing).as("credentials without a default, and settings whose default points at 127.0.0.1 or localhost").isEmpty();
    }

    @Test
    void healthchecksAskQuarkusHealthOnTheManagementPort() {
        for (StrideService service : Project.services()) {
            ComposeFile.Healthcheck healthcheck = compose(service).healthcheck();
            assertThat(healthcheck).as(service.name() + " has a healthcheck").isNotNull();
            int port = service.config().managementPort(compose(service).environmentOrEmpty());
            List<String> urls = service.config().healthPaths().values().stream().map(path -> "http://localhost:" + port + path).toList();
            assertThat(healthcheck.test()).as(service.name() + "'s healthcheck asks one of " + urls).anySatisfy(word -> assertThat(urls).contains(word));
        }
    }

    @Test
    void servicesAreBuiltFromTheirDockerfileUnderTheImageNameTheManifestsUse() {
        for (StrideService service : Project.services()) {
            ComposeFile.Service compose = compose(service);
            assertThat(compose.build()).as(service.name() + " is built here").isNotNull();
            Path context = Project.root().resolve(compose.build().context()).normalize();
            assertThat(context).as(service.name() + "'s build context").isEqualTo(service.dir());
            assertThat(context.resolve(compose.build().dockerfile())).as(service.name() + "'s Dockerfile").isRegularFile()
                    .isEqualTo(service.dockerfile());
            assertThat(compose.image()).isEqualTo(service.image());
        }
    }

    @Test
    void servicesStartOnceWhatTheyNeedIsReady() {
        COMPOSE.services().forEach((name, service) -> {
            if (service.dependsOn() == null) {
                return;
            }
            service.dependsOn().forEach((dependency, condition) -> {
                assertThat(COMPOSE.services()).as(name + " depends on " + dependency).containsKey(dependency);
                assertThat(condition.condition()).as(name + " waits for " + dependency).isIn(HEALTHY_OR_DONE);
                if (condition.condition().equals("service_healthy")) {
                    assertThat(COMPOSE.services().get(dependency).healthcheck()).as(dependency + " has a healthcheck to wait for").isNotNull();
                }
            });
        });
        for (StrideService service : Project.services()) {
            assertThat(compose(service).dependsOn()).as(service.name() + " waits for the database and the topics")
                    .containsKeys("postgres", "kafka-topics");
        }
        assertThat(compose(Project.service("notifier-service")).dependsOn()).containsKey("mailpit");
    }

    @Test
    void everyServiceLogsInAsItsOwnKafkaUserWithExactlyTheAclsOfKafkaAccess() {
        String script = String.join("\n", COMPOSE.services().get("kafka-topics").command());
        for (KafkaAccess access : KafkaAccess.ALL) {
            assertThat(compose(Project.service(access.user())).environmentOrEmpty())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .hasEntrySatisfying("KAFKA_SASL_JAAS_CONFIG", jaas -> assertThat(jaas).contains("username=\"" + access.user() + "\""));
            assertThat(script).contains("--entity-name " + access.user());
            Set<String> granted = new TreeSet<>();
            for (String line : script.lines().map(String::trim).filter(line -> line.startsWith("acl " + access.user() + " ")).toList()) {
                String[] words = line.split("\\s+");
                for (int i = 3; i + 1 < words.length; i += 2) {
                    granted.add(words[i].substring(2) + ":" + words[i + 1] + ":" + words[2]);
                }
            }
            Set<String> expected = new TreeSet<>();
            access.reads().forEach(topic -> expected.add("topic:" + topic + ":Read"));
            access.writes().forEach(topic -> expected.add("topic:" + topic + ":Write"));
            access.groups().forEach(group -> expected.add("group:" + group + ":Read"));
            assertThat(granted).as(access.user() + "'s ACLs in kafka-topics (each with Describe)").isEqualTo(expected);
        }
    }

    @Test
    void theTopicsOfTheLocalRunAreCreated() {
        String script = String.join("\n", COMPOSE.services().get("kafka-topics").command());
        assertThat(script).contains(Topics.ALL).contains("\"$$topic.dlq\"").contains("--partitions 3");
    }

    @Test
    void containersStopAfterQuarkusHasShutDown() {
        for (StrideService service : Project.services()) {
            ComposeFile.Service compose = compose(service);
            assertThat(compose.stopGracePeriod()).as(service.name() + " stop_grace_period").isNotNull();
            assertThat(ServiceConfig.duration(compose.stopGracePeriod()))
                    .as(service.name() + ": stop_grace_period above quarkus.shutdown.timeout")
                    .isGreaterThan(service.config().shutdownTimeout(compose.environmentOrEmpty()));
        }
    }

    @Test
    void serviceContainersAreLockedDown() {
        for (StrideService service : Project.services()) {
            ComposeFile.Service compose = compose(service);
            assertThat(compose.readOnly()).as(service.name() + " read_only").isTrue();
            assertThat(compose.tmpfs()).as(service.name() + " writes only /tmp").containsExactly("/tmp");
            assertThat(compose.capDrop()).as(service.name() + " cap_drop").containsExactly("ALL");
            assertThat(compose.securityOpt()).as(service.name() + " security_opt").contains("no-new-privileges:true");
            assertThat(compose.user()).as(service.name() + " runs as its image's non-root USER").isNull();
        }
    }

    @Test
    void filesTheComposeFileMountsExist() {
        COMPOSE.services().forEach((name, service) -> {
            for (String volume : service.volumes() == null ? List.<String>of() : service.volumes()) {
                String source = volume.split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Project.root().resolve(source)).as(name + " mounts " + source).exists();
                    assertThat(Files.isExecutable(Project.root().resolve(source)) || !source.endsWith(".sh"))
                            .as(source + " is executable").isTrue();
                } else {
                    assertThat(COMPOSE.volumes()).as(name + " uses the named volume " + source).containsKey(source);
                }
            }
        });
    }

    private static ComposeFile.Service compose(StrideService service) {
        ComposeFile.Service compose = COMPOSE.services().get(service.name());
        assertThat(compose).as("docker-compose.yml runs " + service.name()).isNotNull();
        return compose;
    }
}
