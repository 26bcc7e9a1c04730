package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.manifests.Project.StrideService;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Egress by destination, not only by port: besides DNS, every egress rule of every service names where it leads (pods
 * by label, or an address range of at most a /16, or a /48 in IPv6), the DNS rule leads to the cluster's kube-dns pods
 * alone, and those are where the overlay runs PostgreSQL, Kafka and the
 * SMTP server: the pods of the CloudNativePG Cluster, the Strimzi Kafka and the mail Service the overlay renders, or,
 * where it renders none (production: outside the cluster), address ranges.
 */
class EgressDestinationsTest {

    /**
     * The widest address range a rule may name: a 10.0.0.0/8 is usually every pod and node of the cluster, and more, so
     * it is as good as every address.
     */
    static final int NARROWEST_PREFIX = 16;
    static final int NARROWEST_PREFIX_IPV6 = 48;

    /** Where one kind of server is, as the rules must say: the port the service connects to and what a peer must be. */
    record Destination(String what, int port, Consumer<NetworkPolicyPeer> peer) {
    }

    static Set<String> overlays() {
        return KubernetesSchemaTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEgressRuleButDnsNamesItsDestination(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            for (NetworkPolicyEgressRule rule : nonDnsRules(rendered, service)) {
                assertThat(rule.getTo()).as(overlay + ": " + service.name() + ": an egress rule without 'to' is open to every address").isNotEmpty()
                        .allSatisfy(peer -> assertNarrow(overlay + ": " + service.name(), peer));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDnsRuleLeadsToKubeDnsAlone(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            List<NetworkPolicyEgressRule> dns = OperationsSurfaceTest.policyFor(rendered, service).getSpec().getEgress().stream()
                    .filter(rule -> ports(rule).equals(Set.of(53))).toList();
            assertThat(dns).as(overlay + ": " + service.name() + ": one DNS rule").hasSize(1);
            assertThat(dns.get(0).getTo()).as(overlay + ": " + service.name() + ": DNS to the cluster's resolver, not to any address on 53")
                    .isNotEmpty().allSatisfy(peer -> {
                        assertThat(peer.getIpBlock()).isNull();
                        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "kube-system");
                        assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("k8s-app", "kube-dns");
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresKafkaAndSmtpRulesLeadWhereTheOverlayRunsThem(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            List<Destination> destinations = destinations(rendered, service);
            Set<Integer> ports = new TreeSet<>();
            destinations.forEach(destination -> ports.add(destination.port()));
            List<NetworkPolicyEgressRule> rules = nonDnsRules(rendered, service);
            for (Destination destination : destinations) {
                List<NetworkPolicyEgressRule> leading = rules.stream().filter(rule -> ports(rule).contains(destination.port())).toList();
                String what = overlay + ": " + service.name() + ": egress to " + destination.what() + " (port " + destination.port() + ")";
                assertThat(leading).as(what).isNotEmpty();
                leading.forEach(rule -> assertThat(rule.getTo()).as(what).isNotEmpty().allSatisfy(destination.peer()));
            }
            assertThat(rules).as(overlay + ": " + service.name() + ": every egress rule leads to PostgreSQL, Kafka or SMTP")
                    .allSatisfy(rule -> assertThat(ports(rule)).containsAnyElementsOf(ports));
        }
    }

    /** PostgreSQL and Kafka for every service, the SMTP server for the notifier. */
    static List<Destination> destinations(Rendered rendered, StrideService service) {
        Map<String, String> environment = rendered.environment(service.name());
        List<Destination> destinations = new ArrayList<>();
        URI jdbc = known(environment.get("QUARKUS_DATASOURCE_JDBC_URL")).map(url -> URI.create(url.substring("jdbc:".length()))).orElse(null);
        Optional<JsonNode> cluster = rendered.ofKind("Cluster").stream()
                .filter(object -> object.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")).findFirst();
        destinations.add(new Destination("PostgreSQL", jdbc == null ? 5432 : jdbc.getPort(), cluster.map(object -> {
            String name = name(object);
            if (jdbc != null) {
                assertThat(jdbc.getHost()).as(rendered.overlay() + ": the JDBC URL names a Service of the CloudNativePG Cluster " + name)
                        .isIn(name + "-rw", name + "-ro", name + "-r");
            }
            return pods(Map.of("cnpg.io/cluster", name));
        }).orElseGet(EgressDestinationsTest::addresses)));

        Optional<String> bootstrap = known(environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        Optional<JsonNode> kafka = rendered.ofKind("Kafka").stream().findFirst();
        for (String server : bootstrap.map(servers -> servers.split(",")).orElse(new String[] {"<secret>:9092"})) {
            String host = server.substring(0, server.lastIndexOf(':')).trim();
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1).trim());
            destinations.add(new Destination("Kafka " + host, port, kafka.map(object -> {
                String name = name(object);
                if (bootstrap.isPresent()) {
                    assertThat(host).as(rendered.overlay() + ": the bootstrap server is the Strimzi Kafka " + name + "'s").startsWith(name + "-kafka");
                }
                return pods(Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka"));
            }).orElseGet(EgressDestinationsTest::addresses)));
        }

        if (service.name().equals("notifier-service")) {
            String host = service.config().effectiveValue("quarkus.mailer.host", environment).orElseThrow();
            int port = Integer.parseInt(service.config().effectiveValue("quarkus.mailer.port", environment).orElseThrow());
            Optional<Service> mail = rendered.find("Service", host).map(object -> StrictModel.as(object, Service.class));
            destinations.add(new Destination("SMTP " + host, port, mail.map(found -> {
                Map<String, String> selector = found.getSpec().getSelector();
                assertThat(rendered.ofKind("Deployment")).as(rendered.overlay() + ": pods behind Service " + host)
                        .anySatisfy(deployment -> assertThat(labels(deployment.path("spec").path("template"))).containsAllEntriesOf(selector));
                return pods(selector);
            }).orElseGet(EgressDestinationsTest::addresses)));
        }
        return destinations;
    }

    /** A server in this namespace: the peer selects exactly these pod labels, in the policy's own namespace. */
    private static Consumer<NetworkPolicyPeer> pods(Map<String, String> labels) {
        return peer -> {
            assertThat(peer.getIpBlock()).as("no address range to a server inside the cluster").isNull();
            assertThat(peer.getNamespaceSelector()).as("the server runs in the services' namespace").isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(labels);
        };
    }

    /** A server outside the cluster: address ranges only. */
    private static Consumer<NetworkPolicyPeer> addresses() {
        return peer -> {
            assertThat(peer.getPodSelector()).as("a server outside the cluster has no pods here").isNull();
            assertThat(peer.getNamespaceSelector()).as("a server outside the cluster has no namespace").isNull();
            assertThat(peer.getIpBlock()).as("a server outside the cluster is an address range").isNotNull();
        };
    }

    private static void assertNarrow(String where, NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            String cidr = peer.getIpBlock().getCidr();
            assertThat(cidr).as(where + ": CIDR").matches("[0-9a-fA-F.:]+/[0-9]{1,3}");
            int narrowest = cidr.contains(":") ? NARROWEST_PREFIX_IPV6 : NARROWEST_PREFIX;
            assertThat(Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1))).as(where + ": " + cidr + " is wider than a /" + narrowest)
                    .isGreaterThanOrEqualTo(narrowest);
        } else {
            LabelSelector pods = peer.getPodSelector();
            assertThat(pods).as(where + ": a peer without a pod selector is every pod of its namespaces").isNotNull();
            assertThat(pods.getMatchLabels() == null ? Map.of() : pods.getMatchLabels()).as(where + ": an empty pod selector is every pod").isNotEmpty();
        }
    }

    private static List<NetworkPolicyEgressRule> nonDnsRules(Rendered rendered, StrideService service) {
        return OperationsSurfaceTest.policyFor(rendered, service).getSpec().getEgress().stream()
                .filter(rule -> !ports(rule).equals(Set.of(53))).toList();
    }

    private static Set<Integer> ports(NetworkPolicyEgressRule rule) {
        Set<Integer> ports = new TreeSet<>();
        rule.getPorts().forEach(port -> {
            assertThat(port.getPort().getIntVal()).as("an egress port by number (a name would be the destination pods')").isNotNull();
            ports.add(port.getPort().getIntVal());
        });
        return ports;
    }

    /** A value the overlay renders, or empty where it comes from a Secret applied separately ({@code <secret/key>}). */
    private static Optional<String> known(String value) {
        return Optional.ofNullable(value).filter(present -> !present.startsWith("<"));
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static Map<String, String> labels(JsonNode template) {
        Map<String, String> labels = new HashMap<>();
        template.path("metadata").path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }
}
