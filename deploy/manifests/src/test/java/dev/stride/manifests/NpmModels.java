package dev.stride.manifests;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs npm's kubernetes-models (KEDA's and the Prometheus Operator's models beside them) over rendered objects:
 * the JSON schemas of the Kubernetes API, which know the required fields. The build installs them with
 * {@code npm ci} into target/npm (see pom.xml); node must be on the PATH.
 */
final class NpmModels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NPM_DIR = Path.of(System.getProperty("stride.npm.dir", "target/npm"));

    private NpmModels() {
    }

    /** One object's verdict: "valid", "invalid" (message says why) or "no-model" (no npm model for its type). */
    record Verdict(int index, String type, String name, String result, String message) {
    }

    static List<Verdict> validate(List<JsonNode> objects) {
        Path script = NPM_DIR.resolve("validate-manifests.mjs");
        if (!Files.isDirectory(NPM_DIR.resolve("node_modules/kubernetes-models"))) {
            throw new AssertionError("npm's kubernetes-models is not installed in " + NPM_DIR + ": the build's 'npm ci' "
                    + "(generate-test-resources) did not run; run this module through Maven");
        }
        try {
            Path input = Files.createTempFile(NPM_DIR, "objects", ".json");
            JSON.writeValue(input.toFile(), objects);
            Path errors = Files.createTempFile(NPM_DIR, "node", ".err");
            Process node = new ProcessBuilder("node", script.toString(), input.toString()).redirectError(errors.toFile()).start();
            node.getOutputStream().close();
            byte[] output = node.getInputStream().readAllBytes();
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                node.destroyForcibly();
                throw new AssertionError("node " + script + " failed: " + Files.readString(errors));
            }
            Files.delete(input);
            Files.delete(errors);
            return JSON.readValue(output, new TypeReference<List<Verdict>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run node (Node.js 18 or newer must be on the PATH; .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
