package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.manifests.Project.StrideService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cluster exposes of Stride: health, metrics and OpenAPI only on each service's management port (the Quarkus
 * management interface), behind its own {@code <service>-management} Service, reachable only from the monitoring
 * namespace; the ingress only to roadmap-service's HTTP port; egress only to DNS, PostgreSQL, Kafka and SMTP.
 */
class OperationsSurfaceTest {

    /** The only service whose HTTP port anyone outside the cluster may reach. */
    static final String PUBLIC_SERVICE = "roadmap-service";
    static final String MONITORING_NAMESPACE = "monitoring";

    private static final Map<String, Set<Integer>> SMTP_PORTS = Map.of("notifier-service", Set.of(587, 465, 25, 1025));

    static Set<String> overlays() {
        return KubernetesSchemaTest.overlays();
    }

    /** The ports a service's NetworkPolicy may let anyone in to: management for all, HTTP for the public one. */
    static Set<Integer> ingressPorts(Rendered rendered, StrideService service) {
        Map<String, String> environment = rendered.environment(service.name());
        Set<Integer> ports = new TreeSet<>(Set.of(service.config().managementPort(environment)));
        if (service.name().equals(PUBLIC_SERVICE)) {
            ports.add(service.config().httpPort(environment));
        }
        return ports;
    }

    @Test
    void everyServiceServesHealthAndMetricsOnItsOwnManagementPort() {
        for (StrideService service : Project.services()) {
            assertThat(service.config().managementEnabled()).as(service.name() + ": quarkus.management.enabled").isTrue();
            assertThat(service.config().managementPort(Map.of())).as(service.name() + ": management port")
                    .isNotEqualTo(service.config().httpPort(Map.of()));
            assertThat(service.config().prodValue("quarkus.management.host")).as(service.name() + ": management on loopback by default")
                    .contains("127.0.0.1");
            assertThat(service.config().metricsPath()).as(service.name() + ": metrics under the management root path").isEqualTo("/q/metrics");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theManagementPortHasItsOwnServiceAndIsNotInThePublicOne(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Container container = rendered.container(service.name());
            int management = service.config().managementPort(rendered.environment(service.name()));
            Service http = rendered.get("Service", service.name(), Service.class);
            assertThat(http.getSpec().getPorts()).as("Service " + service.name() + " never reaches the management port")
                    .allSatisfy(port -> assertThat(KubernetesConsistencyTest.portNumber(container, port.getTargetPort())).isNotEqualTo(management));
            Service managementService = rendered.get("Service", service.name() + "-management", Service.class);
            assertThat(managementService.getSpec().getPorts()).as("Service " + service.name() + "-management")
                    .extracting(port -> KubernetesConsistencyTest.portNumber(container, port.getTargetPort())).containsExactly(management);
            assertThat(managementService.getSpec().getPorts()).extracting(ServicePort::getName).containsExactly("management");
            assertThat(managementService.getSpec().getSelector().entrySet()).as(service.name() + "-management selects the pods")
                    .isSubsetOf(rendered.deployment(service.name()).getSpec().getTemplate().getMetadata().getLabels().entrySet());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressLeadsOnlyToThePublicHttpPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<IngressServiceBackend> backends = new ArrayList<>();
        for (Ingress ingress : rendered.all("Ingress", Ingress.class)) {
            assertThat(ingress.getSpec().getDefaultBackend()).as("Ingress " + ingress.getMetadata().getName() + " default backend").isNull();
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> backends.add(path.getBackend().getService())));
        }
        if (rendered.isProduction()) {
            assertThat(backends).as("production has an Ingress").isNotEmpty();
        }
        StrideService roadmap = Project.service(PUBLIC_SERVICE);
        int http = roadmap.config().httpPort(rendered.environment(PUBLIC_SERVICE));
        Service service = rendered.get("Service", PUBLIC_SERVICE, Service.class);
        for (IngressServiceBackend backend : backends) {
            assertThat(backend.getName()).as(overlay + ": ingress backend").isEqualTo(PUBLIC_SERVICE);
            ServicePort port = service.getSpec().getPorts().stream()
                    .filter(candidate -> backend.getPort().getName() != null ? backend.getPort().getName().equals(candidate.getName())
                            : backend.getPort().getNumber().equals(candidate.getPort()))
                    .findFirst().orElseThrow(() -> new AssertionError("Service " + PUBLIC_SERVICE + " has no port " + backend.getPort()));
            assertThat(KubernetesConsistencyTest.portNumber(rendered.container(PUBLIC_SERVICE), port.getTargetPort()))
                    .as(overlay + ": the ingress reaches the HTTP port").isEqualTo(http);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheMonitoringNamespaceReachesTheManagementPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Container container = rendered.container(service.name());
            int management = service.config().managementPort(rendered.environment(service.name()));
            for (NetworkPolicyIngressRule rule : policyFor(rendered, service).getSpec().getIngress()) {
                assertThat(rule.getPorts()).as(service.name() + ": an ingress rule without ports would open every port").isNotEmpty();
                Set<Integer> ports = KubernetesConsistencyTest.ports(container, rule.getPorts());
                if (ports.contains(management)) {
                    assertThat(ports).as(service.name() + ": the management port has a rule of its own").containsExactly(management);
                    assertThat(rule.getFrom()).as(service.name() + ": who reaches the management port").isNotEmpty()
                            .allSatisfy(peer -> assertOnlyMonitoring(service, peer));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void egressGoesOnlyToDnsPostgresKafkaAndSmtp(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Set<Integer> allowed = new TreeSet<>(neededEgress(rendered, service));
            allowed.add(53);
            allowed.addAll(SMTP_PORTS.getOrDefault(service.name(), Set.of()));
            Container container = rendered.container(service.name());
            for (NetworkPolicyEgressRule rule : policyFor(rendered, service).getSpec().getEgress()) {
                assertThat(rule.getPorts()).as(service.name() + ": an egress rule without ports would open every address and port").isNotEmpty();
                Set<Integer> ports = KubernetesConsistencyTest.ports(container, rule.getPorts());
                assertThat(ports).as(service.name() + ": egress ports").isSubsetOf(allowed);
                if (ports.contains(53)) {
                    assertThat(ports).as(service.name() + ": DNS has a rule of its own").containsExactly(53);
                    assertThat(rule.getTo()).as(service.name() + ": DNS only to the cluster's resolver").singleElement().satisfies(peer -> {
                        assertThat(peer.getIpBlock()).isNull();
                        assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("k8s-app", "kube-dns");
                    });
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusScrapesTheManagementServices(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (JsonNode monitor : rendered.ofKind("ServiceMonitor")) {
            Map<String, String> selector = new java.util.HashMap<>();
            monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label -> selector.put(label.getKey(), label.getValue().asText()));
            List<Service> selected = rendered.all("Service", Service.class).stream()
                    .filter(service -> service.getMetadata().getLabels() != null && service.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as("ServiceMonitor " + monitor.path("metadata").path("name").asText() + " selects")
                    .singleElement().satisfies(service -> assertThat(service.getMetadata().getName()).endsWith("-management"));
            monitor.path("spec").path("endpoints").forEach(endpoint -> assertThat(endpoint.path("port").asText()).isEqualTo("management"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesLetThroughOnlyWhatEachServiceUses(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Deployment deployment = rendered.deployment(service.name());
            List<NetworkPolicy> policies = rendered.all("NetworkPolicy", NetworkPolicy.class).stream()
                    .filter(policy -> deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(policies).as(overlay + ": NetworkPolicies selecting " + service.name()).hasSize(1);
            NetworkPolicy policy = policies.get(0);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            Container container = rendered.container(service.name());
            Set<Integer> ingress = KubernetesConsistencyTest.ports(container, policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream()).toList());
            assertThat(ingress).as(service.name() + ": ingress only to the ports OperationsSurfaceTest allows")
                    .containsExactlyElementsOf(ingressPorts(rendered, service));
            Set<Integer> egress = KubernetesConsistencyTest.ports(container, policy.getSpec().getEgress().stream().flatMap(rule -> rule.getPorts().stream()).toList());
            Set<Integer> needed = neededEgress(rendered, service);
            Set<Integer> allowed = new TreeSet<>(needed);
            allowed.add(53);
            allowed.addAll(SMTP_PORTS.getOrDefault(service.name(), Set.of()));
            assertThat(egress).as(service.name() + ": egress allows what the service connects to").containsAll(needed).contains(53);
            assertThat(egress).as(service.name() + ": egress allows nothing else").isSubsetOf(allowed);
        }
    }

    /** DNS, PostgreSQL and Kafka for everyone, SMTP for the notifier: ports from the URLs where this overlay has them. */
    static Set<Integer> neededEgress(Rendered rendered, StrideService service) {
        Map<String, String> environment = rendered.environment(service.name());
        Set<Integer> ports = new TreeSet<>();
        String jdbc = environment.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "<secret>");
        ports.add(jdbc.startsWith("jdbc:") ? URI.create(jdbc.substring("jdbc:".length())).getPort() : 5432);
        String kafka = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "<secret>");
        if (kafka.startsWith("<")) {
            ports.add(9092);
        } else {
            for (String server : kafka.split(",")) {
                ports.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1).trim()));
            }
        }
        if (SMTP_PORTS.containsKey(service.name())) {
            ports.add(Integer.parseInt(service.config().effectiveValue("quarkus.mailer.port", environment).orElseThrow()));
        }
        return ports;
    }

    private static void assertOnlyMonitoring(StrideService service, NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).as(service.name() + ": no address ranges to the management port").isNull();
        LabelSelector namespaces = peer.getNamespaceSelector();
        assertThat(namespaces).as(service.name() + ": the management port's peers name their namespace").isNotNull();
        assertThat(namespaces.getMatchLabels()).containsExactlyEntriesOf(Map.of("kubernetes.io/metadata.name", MONITORING_NAMESPACE));
    }

    static NetworkPolicy policyFor(Rendered rendered, StrideService service) {
        Map<String, String> labels = rendered.deployment(service.name()).getSpec().getTemplate().getMetadata().getLabels();
        return rendered.all("NetworkPolicy", NetworkPolicy.class).stream()
                .filter(policy -> labels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError(rendered.overlay() + ": no NetworkPolicy selects " + service.name()));
    }
}
