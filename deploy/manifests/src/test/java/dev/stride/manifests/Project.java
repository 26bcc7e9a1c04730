package dev.stride.manifests;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Stride checkout these tests read: the services, their builds, and the deployment files. */
final class Project {

    static final List<String> SERVICE_NAMES = List.of("roadmap-service", "reminder-service", "notifier-service");

    private static final Path ROOT = Path.of(System.getProperty("stride.project.dir", "../..")).toAbsolutePath().normalize();
    private static final List<StrideService> SERVICES = SERVICE_NAMES.stream().map(Project::load).toList();

    private Project() {
    }

    static Path root() {
        return ROOT;
    }

    static Path k8s() {
        return ROOT.resolve("deploy/k8s");
    }

    static List<StrideService> services() {
        return SERVICES;
    }

    static StrideService service(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No Stride service named " + name + "; the services are " + SERVICE_NAMES));
    }

    /**
     * One service: where it lives, what its build produces, what it reads.
     *
     * @param image the container image its Dockerfile.jvm builds, named {@code stride/<artifactId>:<version>}
     * @param imageVariables environment variables its Dockerfile sets with ENV (read by the image, not by Quarkus)
     */
    record StrideService(String name, Path dir, String artifactId, String version, ServiceConfig config, Path dockerfile,
                         String image, List<String> imageVariables) {

        /**
         * Whether the service reads this environment variable: the variable of a property its application.properties
         * declares (any profile), one its values refer to, one its image reads, or QUARKUS_PROFILE naming a profile it has.
         */
        boolean reads(String variable, String value) {
            if (variable.equals("QUARKUS_PROFILE")) {
                return config.profiles().contains(value);
            }
            // Quarkus hands every kafka.* setting, from KAFKA_* variables too, to all the service's Kafka clients
            // (roadmap-service's KafkaClientConfigTest shows it for the security and truststore settings).
            return config.propertyFor(variable).isPresent() || imageVariables.contains(variable) || variable.startsWith("KAFKA_");
        }
    }

    private static StrideService load(String name) {
        Path dir = ROOT.resolve(name);
        Document pom = parse(dir.resolve("pom.xml"));
        String artifactId = childText(pom.getDocumentElement(), "artifactId");
        String version = childText(pom.getDocumentElement(), "version");
        if (version == null) {
            version = childText((Element) pom.getDocumentElement().getElementsByTagName("parent").item(0), "version");
        }
        Path dockerfile = dir.resolve("src/main/docker/Dockerfile.jvm");
        List<String> imageVariables = Files.isRegularFile(dockerfile) ? Dockerfile.read(dockerfile).environmentNames() : List.of();
        return new StrideService(name, dir, artifactId, version,
                ServiceConfig.read(dir.resolve("src/main/resources/application.properties")), dockerfile,
                "stride/" + artifactId + ":" + version, imageVariables);
    }

    private static Document parse(Path xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + xml + ": " + e.getMessage(), e);
        }
    }

    /** The text of a direct child element, or null. */
    private static String childText(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }
}
