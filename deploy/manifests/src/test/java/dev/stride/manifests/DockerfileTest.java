package dev.stride.manifests;

import dev.stride.manifests.Project.StrideService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service's src/main/docker/Dockerfile.jvm packs what the Maven build makes and runs it as a non-root user. */
class DockerfileTest {

    /** Quarkus's fast-jar layout, which the build produces unless quarkus.package.jar.type says otherwise. */
    private static final List<String> FAST_JAR = List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
            "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
    /** The OpenTelemetry agent the build copies beside the fast-jar (the parent pom's maven-dependency-plugin execution). */
    private static final String AGENT = "target/otel/opentelemetry-javaagent.jar";

    @Test
    void everyServiceHasOne() {
        for (StrideService service : Project.services()) {
            assertThat(service.dockerfile()).as(service.name()).isRegularFile();
        }
    }

    @Test
    void copiesTheFastJarTheBuildProduces() {
        for (StrideService service : Project.services()) {
            assertThat(service.config().prodValue("quarkus.package.jar.type").orElse("fast-jar")).as(service.name() + " builds a fast-jar")
                    .isEqualTo("fast-jar");
            List<String> sources = dockerfile(service).arguments("COPY").stream()
                    .map(arguments -> arguments.replaceAll("--chown=\\S+\\s+", "").split("\\s+")[0]).toList();
            List<String> expected = new java.util.ArrayList<>(FAST_JAR);
            expected.add(AGENT);
            assertThat(sources).as(service.name() + " copies").containsExactlyElementsOf(expected);
            assertThat(service.dir().resolve("pom.xml")).content().as(service.name() + " copies the agent into target/otel")
                    .contains("<artifactId>maven-dependency-plugin</artifactId>");
            assertThat(String.join(" ", dockerfile(service).arguments("ENV"))).contains("-javaagent:/deployments/otel/opentelemetry-javaagent.jar")
                    .contains("OTEL_SERVICE_NAME=" + service.name());
            assertThat(String.join(" ", dockerfile(service).arguments("ENV"))).contains("/deployments/quarkus-run.jar");
        }
    }

    @Test
    void runsOnAJava17RuntimeAsANonRootUser() {
        for (StrideService service : Project.services()) {
            Dockerfile dockerfile = dockerfile(service);
            assertThat(dockerfile.arguments("FROM")).as(service.name()).singleElement().asString().contains("openjdk-17");
            assertThat(dockerfile.user()).as(service.name() + " USER").isNotIn("root", "0").matches("\\d+");
            assertThat(dockerfile.arguments("ENTRYPOINT")).as(service.name() + " ENTRYPOINT").hasSize(1);
        }
    }

    @Test
    void exposesTheServicesHttpAndManagementPorts() {
        for (StrideService service : Project.services()) {
            assertThat(dockerfile(service).arguments("EXPOSE")).as(service.name() + " EXPOSE")
                    .containsExactly(service.config().httpPort(Map.of()) + " " + service.config().managementPort(Map.of()));
        }
    }

    /** The services bind to loopback unless told otherwise; in a container both ports must take outside connections. */
    @Test
    void listensOnEveryInterfaceInsideTheContainer() {
        for (StrideService service : Project.services()) {
            assertThat(service.config().prodValue("quarkus.http.host")).as(service.name()).contains("127.0.0.1");
            assertThat(dockerfile(service).arguments("ENV")).as(service.name() + " ENV")
                    .anySatisfy(env -> assertThat(env).contains("QUARKUS_HTTP_HOST=0.0.0.0").contains("QUARKUS_MANAGEMENT_HOST=0.0.0.0"));
        }
    }

    private static Dockerfile dockerfile(StrideService service) {
        return Dockerfile.read(service.dockerfile());
    }
}
