package dev.stride.infra.testing;

import dev.stride.infra.InfraSettings;
import dev.stride.infra.KafkaBroker;
import dev.stride.infra.KafkaSaslSsl;
import dev.stride.infra.LocalInfrastructure;
import dev.stride.infra.StrideInfrastructure;
import dev.stride.infra.mail.SmtpSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The infrastructure of one test JVM: started on first use, shared by every test class and Quarkus
 * profile in it, stopped when the JVM exits. Built-in (no Docker) unless the run opts in to
 * Testcontainers with {@code -DstrideInfra=testcontainers} or {@code STRIDE_TEST_INFRA=testcontainers}.
 */
public final class TestInfrastructure {

    private static StrideInfrastructure instance;

    private TestInfrastructure() {
    }

    public static synchronized StrideInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The built-in SMTP sink, for tests that make the mail server refuse or go away; empty with Testcontainers. */
    public static Optional<SmtpSink> smtpSink() {
        return get() instanceof LocalInfrastructure local ? local.smtpSink() : Optional.empty();
    }

    /** The built-in broker, for tests that stop and restart it; empty with Testcontainers or an external broker. */
    public static Optional<KafkaBroker> kafkaBroker() {
        return get() instanceof LocalInfrastructure local ? local.kafkaBroker() : Optional.empty();
    }

    /** The built-in broker's SASL_SSL listener with a user per service; empty with Testcontainers or an external broker. */
    public static Optional<KafkaSaslSsl> kafkaSaslSsl() {
        return get() instanceof LocalInfrastructure local ? local.kafkaSaslSsl() : Optional.empty();
    }

    public static boolean usesTestcontainers() {
        String choice = System.getProperty("stride.infra", System.getenv().getOrDefault("STRIDE_TEST_INFRA", "local"));
        return choice.trim().toLowerCase(Locale.ROOT).equals("testcontainers");
    }

    private static StrideInfrastructure start() {
        if (usesTestcontainers()) {
            ContainerInfrastructure containers = ContainerInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(containers::close, "stride-test-infrastructure-stop"));
            return containers;
        }
        Path dataDir = dataDir();
        LocalInfrastructure infra = LocalInfrastructure.start(InfraSettings.forTests(dataDir, System.getenv()),
                line -> System.out.println("[stride-test-infra] " + line));
        // One hook, in order: the servers must be down before their folders go.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infra.close();
            deleteTree(dataDir);
        }, "stride-test-infrastructure-stop"));
        return infra;
    }

    private static Path dataDir() {
        try {
            Path base = Path.of(System.getProperty("stride.build.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }
}
