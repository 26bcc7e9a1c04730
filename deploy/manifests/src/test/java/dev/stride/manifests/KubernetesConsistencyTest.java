package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.manifests.Project.StrideService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered Deployments against the services they run: configuration, secrets, probes, images, shutdown, security. */
class KubernetesConsistencyTest {

    /** RSS of each service under load, measured as deploy/README.md ("Resources") says: the requests cover it. */
    static final Map<String, Integer> MEASURED_RSS_MIB = Map.of("roadmap-service", 306, "reminder-service", 398, "notifier-service", 493);

    static Set<String> overlays() {
        return KubernetesSchemaTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsObjects(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (String service : Project.SERVICE_NAMES) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget", "NetworkPolicy")) {
                assertThat(rendered.find(kind, service)).as(overlay + ": " + kind + " " + service).isPresent();
            }
            assertThat(Stream.of("HorizontalPodAutoscaler", "ScaledObject").flatMap(kind -> rendered.find(kind, service).stream()))
                    .as(overlay + ": an autoscaler for " + service).hasSize(1);
            ServiceAccount account = rendered.get("ServiceAccount", service, ServiceAccount.class);
            assertThat(account.getAutomountServiceAccountToken()).as(service + " needs no API token").isFalse();
            assertThat(rendered.deployment(service).getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<String> unread = new ArrayList<>();
        for (StrideService service : Project.services()) {
            rendered.environment(service.name()).forEach((variable, value) -> {
                if (!service.reads(variable, value)) {
                    unread.add(service.name() + ": " + variable);
                }
            });
        }
        assertThat(unread).as(overlay + ": variables (env and envFrom ConfigMaps) that map to no property of the service's "
                + "application.properties, no ${VARIABLE} it refers to, and no ENV of its Dockerfile").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySettingAServiceNeedsIsSet(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<String> missing = new ArrayList<>();
        for (StrideService service : Project.services()) {
            // What the image sets (QUARKUS_HTTP_HOST=0.0.0.0 over the services' loopback default) counts too.
            Set<String> environment = new java.util.HashSet<>(rendered.environment(service.name()).keySet());
            environment.addAll(service.imageVariables());
            for (ServiceConfig.Setting setting : service.config().requiredSettings()) {
                if (!setting.isSetBy(environment)) {
                    missing.add(service.name() + ": " + setting.property() + " (set one of " + setting.variables() + ")");
                }
            }
        }
        assertThat(missing).as(overlay + ": credentials, and settings whose default points at 127.0.0.1 or localhost").isEmpty();
        for (String service : List.of("reminder-service", "roadmap-service")) {
            assertThat(rendered.environment(service)).as(service + ": the demo clock is never switched on here")
                    .doesNotContainKeys("QUARKUS_PROFILE", "STRIDE_DEMO_CLOCK_CONTROL");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyStrideSettingIsSetByTheManifests(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<String> missing = new ArrayList<>();
        for (StrideService service : Project.services()) {
            Set<String> environment = rendered.environment(service.name()).keySet();
            for (ServiceConfig.Setting setting : service.config().strideSettings()) {
                if (!setting.isSetBy(environment)) {
                    missing.add(service.name() + ": " + setting.property() + " (set one of " + setting.variables() + ")");
                }
            }
        }
        assertThat(missing).as(overlay + ": every stride.* setting a service reads, by environment variable").isEmpty();
        // The calendar feed and the email attachment name a session by the same UID only if their domains agree.
        assertThat(rendered.environment("roadmap-service").get("STRIDE_CALENDAR_UID_DOMAIN"))
                .isEqualTo(rendered.environment("notifier-service").get("STRIDE_MAIL_MESSAGE_ID_DOMAIN"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsComeOnlyFromSecrets(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Container container = rendered.container(service.name());
            for (EnvVar variable : container.getEnv()) {
                if (isSecret(service, variable.getName())) {
                    assertThat(variable.getValue()).as(overlay + ": " + service.name() + " " + variable.getName() + " has no literal value").isNull();
                    assertThat(variable.getValueFrom()).as(service.name() + " " + variable.getName()).isNotNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(service.name() + " " + variable.getName() + " comes from a Secret").isNotNull();
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    assertThat(rendered.configMap(source.getConfigMapRef().getName()).getData().keySet())
                            .as(overlay + ": ConfigMap " + source.getConfigMapRef().getName() + " holds no credentials")
                            .noneMatch(variable -> isSecret(service, variable));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretReferenceHasASecretWithThatKey(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, Secret> templates = secretTemplates();
        Set<String> referenced = new TreeSet<>();
        for (StrideService service : Project.services()) {
            for (EnvVar variable : rendered.container(service.name()).getEnv()) {
                SecretKeySelector reference = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                if (reference == null || KafkaUsersTest.generatedByStrimzi(rendered, reference.getName())) {
                    continue; // the Kafka users' and the cluster CA's Secrets come from the Strimzi operators, not from people
                }
                referenced.add(reference.getName() + "/" + reference.getKey());
                Secret template = templates.get(reference.getName());
                assertThat(template).as(service.name() + " " + variable.getName() + ": Secret " + reference.getName()
                        + " is in base/secret-templates.yaml").isNotNull();
                assertThat(template.getStringData()).as("the template of " + reference.getName()).containsKey(reference.getKey());
                // Production takes its Secrets from the cluster; elsewhere what a container needs is rendered.
                boolean optional = Boolean.TRUE.equals(reference.getOptional());
                if (!optional && !rendered.isProduction()) {
                    assertThat(rendered.secretValue(reference.getName(), reference.getKey()))
                            .as(overlay + " renders Secret " + reference.getName() + " with key " + reference.getKey()
                                    + " for " + service.name() + " " + variable.getName()).isPresent();
                }
            }
        }
        Set<String> templated = templates.values().stream()
                .flatMap(template -> template.getStringData().keySet().stream().map(key -> template.getMetadata().getName() + "/" + key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(referenced).as(overlay + ": the Secret keys the Deployments use are the templates' keys").isEqualTo(templated);
        if (rendered.isProduction()) {
            assertThat(rendered.ofKind("Secret")).as("production never applies Secrets over the real ones").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskQuarkusHealthOnTheManagementPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Container container = rendered.container(service.name());
            int port = service.config().httpPort(rendered.environment(service.name()));
            int management = service.config().managementPort(rendered.environment(service.name()));
            Map<String, String> paths = service.config().healthPaths();
            assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).as(service.name() + " container ports").contains(port, management);
            assertProbe(service, container, container.getStartupProbe(), paths.get("startup"), management);
            assertProbe(service, container, container.getLivenessProbe(), paths.get("liveness"), management);
            assertProbe(service, container, container.getReadinessProbe(), paths.get("readiness"), management);
            Service kubernetesService = rendered.get("Service", service.name(), Service.class);
            assertThat(kubernetesService.getSpec().getSelector().entrySet())
                    .as("Service " + service.name() + " selects its pods")
                    .isSubsetOf(rendered.deployment(service.name()).getSpec().getTemplate().getMetadata().getLabels().entrySet());
            assertThat(kubernetesService.getSpec().getPorts()).as("Service " + service.name() + " reaches the HTTP port")
                    .anySatisfy(servicePort -> assertThat(portNumber(container, servicePort.getTargetPort())).isEqualTo(port));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesAreTheOnesTheBuildProduces(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            assertThat(rendered.container(service.name()).getImage()).as(overlay + ": " + service.name()).isEqualTo(service.image());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsOutliveQuarkusShutdown(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            PodSpec pod = rendered.deployment(service.name()).getSpec().getTemplate().getSpec();
            Container container = rendered.container(service.name());
            Duration shutdown = service.config().shutdownTimeout(rendered.environment(service.name()));
            Duration preStop = Duration.ZERO;
            if (container.getLifecycle() != null && container.getLifecycle().getPreStop() != null) {
                List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
                assertThat(command).as(service.name() + " preStop").hasSize(2).first().isEqualTo("sleep");
                preStop = Duration.ofSeconds(Long.parseLong(command.get(1)));
            }
            assertThat(shutdown).as(service.name() + " quarkus.shutdown.timeout").isPositive();
            assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                    .as(overlay + ": " + service.name() + " terminationGracePeriodSeconds above preStop (" + preStop + ") + quarkus.shutdown.timeout ("
                            + shutdown + ")")
                    .isGreaterThan(preStop.plus(shutdown));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunAsNonRootOnAReadOnlyFilesystem(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Deployment deployment : rendered.all("Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertThat(podSecurity).as(name + " pod securityContext").isNotNull();
            assertThat(podSecurity.getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(podSecurity.getSeccompProfile().getType()).as(name + " seccompProfile").isEqualTo("RuntimeDefault");
            Set<String> emptyDirs = pod.getVolumes().stream().filter(volume -> volume.getEmptyDir() != null).map(Volume::getName).collect(Collectors.toSet());
            for (Container container : pod.getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertThat(security).as(name + "/" + container.getName() + " securityContext").isNotNull();
                assertThat(security.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(name + " drops capabilities").containsExactly("ALL");
                assertThat(container.getVolumeMounts()).as(name + " writes to /tmp on an emptyDir")
                        .anySatisfy(mount -> {
                            assertThat(mount.getMountPath()).isEqualTo("/tmp");
                            assertThat(emptyDirs).contains(mount.getName());
                        });
            }
            if (Project.SERVICE_NAMES.contains(name)) {
                assertThat(Long.toString(podSecurity.getRunAsUser())).as(name + " runs as its image's USER")
                        .isEqualTo(Dockerfile.read(Project.service(name).dockerfile()).user());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void resourcesCoverTheMeasuredMemory(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            var resources = rendered.container(service.name()).getResources();
            for (String resource : List.of("cpu", "memory")) {
                assertThat(resources.getRequests()).as(service.name() + " requests").containsKey(resource);
                assertThat(resources.getLimits()).as(service.name() + " limits").containsKey(resource);
            }
            double requested = mebibytes(resources.getRequests().get("memory"));
            double limit = mebibytes(resources.getLimits().get("memory"));
            assertThat(requested).as(service.name() + ": memory request (MiB) above the measured RSS with 10% to spare")
                    .isGreaterThanOrEqualTo(MEASURED_RSS_MIB.get(service.name()) * 1.1);
            assertThat(limit).as(service.name() + ": memory limit at or above the request").isGreaterThanOrEqualTo(requested);
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("cpu")))
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("cpu")));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusFindsTheMetrics(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Map<String, String> annotations = rendered.deployment(service.name()).getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(service.name() + " scrape annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", service.config().metricsPath())
                    .containsEntry("prometheus.io/port", Integer.toString(service.config().managementPort(rendered.environment(service.name()))));
        }
        if (rendered.isProduction()) {
            assertThat(rendered.ofKind("ServiceMonitor")).as("production: one ServiceMonitor per service").hasSize(Project.SERVICE_NAMES.size());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rolloutsAndDisruptionsKeepAPodServing(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Deployment deployment = rendered.deployment(service.name());
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).as(service.name() + " maxUnavailable")
                    .isEqualTo(new IntOrString(0));
            PodDisruptionBudget budget = rendered.get("PodDisruptionBudget", service.name(), PodDisruptionBudget.class);
            assertThat(budget.getSpec().getSelector().getMatchLabels().entrySet()).as("PodDisruptionBudget " + service.name() + " selects its pods")
                    .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            assertThat(budget.getSpec().getMaxUnavailable()).as(service.name() + " PDB").isEqualTo(new IntOrString(1));
            if (rendered.isProduction()) {
                assertThat(deployment.getSpec().getReplicas()).as("production: " + service.name() + " replicas").isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static void assertProbe(StrideService service, Container container, Probe probe, String path, int port) {
        assertThat(probe).as(service.name() + " probe on " + path).isNotNull();
        assertThat(probe.getHttpGet()).as(service.name() + " probe on " + path + " is an HTTP GET").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(service.name() + " probe path").isEqualTo(path);
        assertThat(portNumber(container, probe.getHttpGet().getPort())).as(service.name() + " probe port of " + path).isEqualTo(port);
    }

    /** A port given as a number or as the name of one of the container's ports. */
    static int portNumber(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + port.getStrVal()));
    }

    static Set<Integer> ports(Container container, List<NetworkPolicyPort> ports) {
        return ports.stream().map(port -> portNumber(container, port.getPort())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isSecret(StrideService service, String variable) {
        return ServiceConfig.isSecret(variable.replace('_', '-')) || service.config().propertyFor(variable).map(ServiceConfig::isSecret).orElse(false);
    }

    private static double mebibytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).doubleValue() / (1024 * 1024);
    }

    /** base/secret-templates.yaml, by Secret name. */
    static Map<String, Secret> secretTemplates() {
        Map<String, Secret> templates = new HashMap<>();
        for (JsonNode object : Yaml.readAll(Project.k8s().resolve("base/secret-templates.yaml"))) {
            Secret secret = StrictModel.as(object, Secret.class);
            templates.put(secret.getMetadata().getName(), secret);
        }
        return templates;
    }
}
