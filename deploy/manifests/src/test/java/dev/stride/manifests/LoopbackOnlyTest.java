package dev.stride.manifests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml on a person's machine: only what they open is published (the pages, the inbox), only on
 * 127.0.0.1; no secret has a value in the repository, and deploy/compose/generate-env.sh makes every one.
 */
class LoopbackOnlyTest {

    private static final Path GENERATE_ENV = Project.root().resolve("deploy/compose/generate-env.sh");
    /** A variable Compose must be given: {@code ${NAME:?message}}, no default. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");
    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)([^}]*)}");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(password|secret|signing_key|token)$");

    @Test
    void onlyThePagesAndTheInboxArePublishedAndOnlyOnLoopback() {
        Map<String, List<String>> published = new TreeMap<>();
        DockerComposeTest.COMPOSE.services().forEach((name, service) -> {
            if (service.ports() != null && !service.ports().isEmpty()) {
                published.put(name, service.ports());
            }
        });
        int pages = Project.service("roadmap-service").config().httpPort(Map.of());
        assertThat(published).as("ports docker-compose.yml publishes on the host").containsExactlyInAnyOrderEntriesOf(Map.of(
                "roadmap-service", List.of("127.0.0.1:" + pages + ":" + pages),
                "mailpit", List.of("127.0.0.1:8025:8025")));
    }

    @Test
    void everySecretIsARequiredVariableWithoutADefault() {
        List<String> fixed = new ArrayList<>();
        DockerComposeTest.COMPOSE.services().forEach((name, service) -> service.environmentOrEmpty().forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).find() && !REQUIRED.matcher(value).matches()) {
                fixed.add(name + ": " + variable + "=" + value);
            }
            Matcher reference = ANY_REFERENCE.matcher(value);
            while (reference.find()) {
                if (SECRET_NAME.matcher(reference.group(1)).find() && !reference.group(2).startsWith(":?")) {
                    fixed.add(name + ": " + variable + " falls back to a default (" + reference.group() + ")");
                }
            }
        }));
        assertThat(fixed).as("secrets in docker-compose.yml must be ${NAME:?message}: no value, no default in the repository").isEmpty();
    }

    @Test
    void generateEnvWritesEverySecretTheComposeFileRequiresNewEachTime(@TempDir Path work) throws Exception {
        Map<String, String> first = generate(work.resolve("first.env"));
        Map<String, String> second = generate(work.resolve("second.env"));

        assertThat(first.keySet()).as("variables generate-env.sh writes").containsAll(requiredVariables());
        for (String variable : requiredVariables()) {
            assertThat(first.get(variable)).as(variable).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(second.get(variable));
        }
        assertThat(first.get("STRIDE_LINKS_SIGNING_KEY")).as("the link-signing key's length").hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(work.resolve("first.env"))).as("only its owner reads .env")
                .allSatisfy(permission -> assertThat(permission.name()).startsWith("OWNER"));
        assertThat(Files.readAllLines(Project.root().resolve(".gitignore"))).as(".env is never committed").contains(".env");
    }

    private static List<String> requiredVariables() throws Exception {
        Matcher required = REQUIRED.matcher(Files.readString(DockerComposeTest.COMPOSE_FILE));
        List<String> names = new ArrayList<>();
        while (required.find()) {
            if (!names.contains(required.group(1))) {
                names.add(required.group(1));
            }
        }
        assertThat(names).as("docker-compose.yml requires secrets").isNotEmpty();
        return names;
    }

    private static Map<String, String> generate(Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", GENERATE_ENV.toString()).redirectErrorStream(true);
        builder.environment().put("STRIDE_ENV_FILE", file.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
