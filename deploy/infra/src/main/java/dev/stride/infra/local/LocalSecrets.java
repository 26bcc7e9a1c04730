package dev.stride.infra.local;

import dev.stride.infra.InfrastructureException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The secrets the services demand in production (the link-signing key, the admin password), for the
 * local run: taken from the environment when set, otherwise generated once and kept in the data folder,
 * so links in earlier emails keep working after a restart.
 */
final class LocalSecrets {

    static final String SIGNING_KEY = "STRIDE_LINKS_SIGNING_KEY";
    static final String ADMIN_PASSWORD = "STRIDE_OPERATORS_ADMIN_PASSWORD";

    private LocalSecrets() {
    }

    static Map<String, String> load(Path file, Map<String, String> environment) {
        Properties kept = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    kept.load(in);
                }
            }
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            for (String name : new String[]{SIGNING_KEY, ADMIN_PASSWORD}) {
                if (kept.getProperty(name) == null) {
                    byte[] bytes = new byte[name.equals(SIGNING_KEY) ? 48 : 12];
                    random.nextBytes(bytes);
                    kept.setProperty(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    kept.store(out, "Secrets of the local run (generated; delete to make new ones)");
                }
            }
        } catch (IOException e) {
            throw new InfrastructureException("Cannot read or write the local secrets in " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : kept.stringPropertyNames()) {
            secrets.put(name, environment.getOrDefault(name, kept.getProperty(name)));
        }
        return secrets;
    }
}
