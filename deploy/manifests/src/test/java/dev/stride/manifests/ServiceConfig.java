package dev.stride.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration a service declares in its application.properties: every property under any profile, the
 * environment variables its values refer to ({@code ${STRIDE_LINKS_SIGNING_KEY}}), and what is in force in the
 * prod profile a container runs with. The one reader behind the docker-compose and the Kubernetes checks.
 */
final class ServiceConfig {

    /** Settings an operator must give: credentials. The datasource user counts, so that it comes from a Secret too. */
    private static final Pattern SECRET = Pattern.compile("(?i)(password|secret|signing-keys?|token|username)$");
    private static final Pattern PROFILED = Pattern.compile("%([^.]+)\\.(.+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A host name, not a domain ending in it: 127.0.0.1:9092, http://localhost:8080, not nudges@stride.localhost. */
    private static final Pattern THIS_MACHINE = Pattern.compile("(?<![\\w.-])(127\\.0\\.0\\.1|localhost)(?![\\w.-])");

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();

    private ServiceConfig() {
    }

    static ServiceConfig read(Path applicationProperties) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(applicationProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + applicationProperties, e);
        }
        ServiceConfig config = new ServiceConfig();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key);
            Matcher profiled = PROFILED.matcher(key);
            if (profiled.matches()) {
                for (String profile : profiled.group(1).split(",")) {
                    config.byProfile.computeIfAbsent(profile.trim(), p -> new LinkedHashMap<>()).put(profiled.group(2), value);
                }
            } else {
                config.defaults.put(key, value);
            }
        }
        return config;
    }

    /** Quarkus's environment-variable form of a property name: upper case, every other character an underscore. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Every property named in the file, under any profile, without the profile prefix. */
    Set<String> propertyNames() {
        Set<String> names = new TreeSet<>(defaults.keySet());
        byProfile.values().forEach(values -> names.addAll(values.keySet()));
        return names;
    }

    Set<String> profiles() {
        return byProfile.keySet();
    }

    /** The value a profile's own line ({@code %profile.property}) sets, if it has one. */
    Optional<String> profileValue(String profile, String property) {
        return Optional.ofNullable(byProfile.getOrDefault(profile, Map.of()).get(property));
    }

    /** The property an environment variable sets, or, for a variable a value refers to, the property whose value it is. */
    Optional<String> propertyFor(String variable) {
        for (String name : propertyNames()) {
            if (environmentName(name).equals(variable)) {
                return Optional.of(name);
            }
        }
        List<Map<String, String>> valuesByProfile = new ArrayList<>(byProfile.values());
        valuesByProfile.add(0, defaults);
        for (Map<String, String> values : valuesByProfile) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                Matcher reference = REFERENCE.matcher(entry.getValue());
                while (reference.find()) {
                    if (reference.group(1).equals(variable)) {
                        return Optional.of(entry.getKey());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The value in force in the prod profile, as written (references not resolved). */
    Optional<String> prodValue(String property) {
        return Optional.ofNullable(prodView().get(property));
    }

    /**
     * The value in force in a container given these environment variables: the property's own variable, else a
     * variable its value refers to, else the written value with the reference's default.
     */
    Optional<String> effectiveValue(String property, Map<String, String> environment) {
        String own = environment.get(environmentName(property));
        if (own != null) {
            return Optional.of(own);
        }
        return prodValue(property).map(value -> {
            Matcher reference = REFERENCE.matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (reference.find()) {
                String replacement = environment.containsKey(reference.group(1)) ? environment.get(reference.group(1))
                        : reference.group(2) != null ? reference.group(2) : reference.group();
                reference.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            return reference.appendTail(resolved).toString();
        });
    }

    int httpPort(Map<String, String> environment) {
        return Integer.parseInt(effectiveValue("quarkus.http.port", environment).orElse("8080"));
    }

    /** The Quarkus management interface's port (health, metrics, OpenAPI); the tests require it to be enabled. */
    int managementPort(Map<String, String> environment) {
        return Integer.parseInt(effectiveValue("quarkus.management.port", environment).orElse("9000"));
    }

    boolean managementEnabled() {
        return prodValue("quarkus.management.enabled").map(Boolean::parseBoolean).orElse(false);
    }

    Duration shutdownTimeout(Map<String, String> environment) {
        return effectiveValue("quarkus.shutdown.timeout", environment).map(ServiceConfig::duration).orElse(Duration.ZERO);
    }

    /** The health paths a probe may use (on the management port), by probe: /q/health/live, /ready, /started, or wherever the file moves them. */
    Map<String, String> healthPaths() {
        String root = "/" + trimSlashes(prodValue("quarkus.management.root-path").orElse("q"))
                + "/" + trimSlashes(prodValue("quarkus.smallrye-health.root-path").orElse("health"));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("liveness", root + "/" + trimSlashes(prodValue("quarkus.smallrye-health.liveness-path").orElse("live")));
        paths.put("readiness", root + "/" + trimSlashes(prodValue("quarkus.smallrye-health.readiness-path").orElse("ready")));
        paths.put("startup", root + "/" + trimSlashes(prodValue("quarkus.smallrye-health.startup-path").orElse("started")));
        return paths;
    }

    String metricsPath() {
        return prodValue("quarkus.micrometer.export.prometheus.path").orElse("/q/metrics");
    }

    /** The Kafka topics this service consumes, each with its consumer group (from {@code mp.messaging.incoming.*}). */
    Map<String, String> consumedTopicsAndGroups() {
        Map<String, String> topics = new LinkedHashMap<>();
        Pattern incoming = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
        for (Map.Entry<String, String> entry : prodView().entrySet()) {
            Matcher channel = incoming.matcher(entry.getKey());
            if (channel.matches()) {
                String group = prodValue("mp.messaging.incoming." + channel.group(1) + ".group.id")
                        .or(() -> prodValue("quarkus.application.name")).orElseThrow();
                topics.put(entry.getValue(), group);
            }
        }
        return topics;
    }

    static boolean isSecret(String property) {
        return SECRET.matcher(property).find();
    }

    /**
     * What every deployment must set: credentials with no default or with a built-in one (no empty default), and
     * anything whose prod value points at this machine (127.0.0.1, localhost). Each names the variables that set it.
     */
    List<Setting> requiredSettings() {
        return prodView().entrySet().stream()
                .filter(entry -> isSecret(entry.getKey()) ? !entry.getValue().isEmpty() : THIS_MACHINE.matcher(entry.getValue()).find()
                        || hasReferenceWithoutDefault(entry.getValue()))
                .map(entry -> new Setting(entry.getKey(), variablesFor(entry.getKey(), entry.getValue()), isSecret(entry.getKey())))
                .toList();
    }

    /**
     * Every Stride setting the service reads in production ({@code stride.*}), but for the demo switch, which a cluster
     * never sets. Each names the variables that set it.
     */
    List<Setting> strideSettings() {
        return prodView().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("stride.") && !entry.getKey().startsWith("stride.demo."))
                .map(entry -> new Setting(entry.getKey(), variablesFor(entry.getKey(), entry.getValue()), isSecret(entry.getKey())))
                .toList();
    }

    /** A property and the environment variables any one of which sets it. */
    record Setting(String property, Set<String> variables, boolean secret) {

        boolean isSetBy(Set<String> environment) {
            return variables.stream().anyMatch(environment::contains);
        }
    }

    private Set<String> variablesFor(String property, String value) {
        Set<String> variables = new LinkedHashSet<>();
        variables.add(environmentName(property));
        Matcher reference = REFERENCE.matcher(value);
        while (reference.find()) {
            if (ENVIRONMENT_VARIABLE.matcher(reference.group(1)).matches()) {
                variables.add(reference.group(1));
            }
        }
        return variables;
    }

    private static boolean hasReferenceWithoutDefault(String value) {
        Matcher reference = REFERENCE.matcher(value);
        while (reference.find()) {
            if (reference.group(2) == null && ENVIRONMENT_VARIABLE.matcher(reference.group(1)).matches()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> prodView() {
        Map<String, String> view = new LinkedHashMap<>(defaults);
        view.putAll(byProfile.getOrDefault("prod", Map.of()));
        return view;
    }

    /** Quarkus durations: ISO-8601 (PT20S), a number with a unit (20s, 500ms, 2m, 1h, 1d), or plain seconds. */
    static Duration duration(String text) {
        String value = text.trim();
        if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(value);
        }
        Matcher unit = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(value);
        if (!unit.matches()) {
            throw new IllegalArgumentException("Not a Quarkus duration: " + text);
        }
        long amount = Long.parseLong(unit.group(1));
        String suffix = unit.group(2) == null ? "s" : unit.group(2);
        return switch (suffix) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
