package dev.stride.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the broker's SASL_SSL listener on 127.0.0.1 and a truststore holding it, both PKCS12 (as
 * Strimzi's cluster CA secret has them), made with the JDK's own {@code keytool} into {@code dir} each time the broker starts,
 * with fresh random passwords.
 */
public record KafkaTls(Path keystore, Path truststore, String keystorePassword, String truststorePassword) {

    public static final String STORE_TYPE = "PKCS12";

    private static final SecureRandom RANDOM = new SecureRandom();

    public static KafkaTls generate(Path dir) {
        try {
            Files.createDirectories(dir);
            KafkaTls tls = new KafkaTls(dir.resolve("broker.p12"), dir.resolve("truststore.p12"), randomSecret(), randomSecret());
            Path certificate = dir.resolve("broker.crt");
            for (Path file : List.of(tls.keystore, tls.truststore, certificate)) {
                Files.deleteIfExists(file);
            }
            keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost,O=Stride local Kafka", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-keystore", tls.keystore.toString(), "-storetype", STORE_TYPE,
                    "-storepass", tls.keystorePassword, "-keypass", tls.keystorePassword);
            keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", tls.keystore.toString(), "-storetype", STORE_TYPE,
                    "-storepass", tls.keystorePassword, "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "stride-kafka", "-file", certificate.toString(),
                    "-keystore", tls.truststore.toString(), "-storetype", STORE_TYPE, "-storepass", tls.truststorePassword);
            return tls;
        } catch (IOException e) {
            throw new InfrastructureException("Cannot write the Kafka TLS files into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** 24 random bytes, URL-safe Base64: a password for a store or a SCRAM user. */
    public static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            if (!done || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new InfrastructureException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new InfrastructureException("Interrupted while keytool made the Kafka certificate", e);
        }
    }
}
