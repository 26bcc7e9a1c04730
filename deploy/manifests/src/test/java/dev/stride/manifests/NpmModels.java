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
 * the JSON schemas of the Kubernetes API, which know the required fields; and Prometheus's PromQL grammar
 * (@prometheus-io/lezer-promql) over the rules' and dashboards' expressions. The build installs them with
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
        return run("validate-manifests.mjs", objects, new TypeReference<List<Verdict>>() {
        });
    }

    /** One PromQL expression as Prometheus's grammar reads it: where it fails to parse (empty: it parses), the series it reads. */
    record PromQlVerdict(List<Integer> errors, List<String> names) {
    }

    /** Parses each expression with @prometheus-io/lezer-promql (check-promql.mjs); one verdict per expression, in order. */
    static List<PromQlVerdict> parsePromQl(List<String> expressions) {
        return run("check-promql.mjs", expressions, new TypeReference<List<PromQlVerdict>>() {
        });
    }

    /** Runs one of the module's node scripts over {@code input} (written as a JSON file) and reads its JSON output. */
    private static <T> T run(String scriptName, Object input, TypeReference<T> output) {
        Path script = NPM_DIR.resolve(scriptName);
        if (!Files.isDirectory(NPM_DIR.resolve("node_modules/kubernetes-models"))) {
            throw new AssertionError("npm's kubernetes-models is not installed in " + NPM_DIR + ": the build's 'npm ci' "
                    + "(generate-test-resources) did not run; run this module through Maven");
        }
        try {
            Path inputFile = Files.createTempFile(NPM_DIR, "input", ".json");
            JSON.writeValue(inputFile.toFile(), input);
            Path errors = Files.createTempFile(NPM_DIR, "node", ".err");
            Process node = new ProcessBuilder("node", script.toString(), inputFile.toString()).redirectError(errors.toFile()).start();
            node.getOutputStream().close();
            byte[] result = node.getInputStream().readAllBytes();
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                node.destroyForcibly();
                throw new AssertionError("node " + script + " failed: " + Files.readString(errors));
            }
            Files.delete(inputFile);
            Files.delete(errors);
            return JSON.readValue(result, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run node (Node.js 18 or newer must be on the PATH; .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
