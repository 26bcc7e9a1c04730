package dev.stride.manifests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Compose's own reading of docker-compose.yml ({@code docker compose config}: the full Compose schema,
 * interpolation, build contexts). It needs no Docker engine, only the Compose CLI plugin; where the plugin is
 * missing (our CI machines have the docker client without it) this test is skipped, and says so.
 */
class DockerComposeCliTest {

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Result version = run(List.of("docker", "compose", "version"));
        if (version == null || version.exitCode() != 0) {
            abort("The Docker Compose CLI plugin is not installed (docker compose version: "
                    + (version == null ? "no docker on the PATH" : version.output().strip()) + "); skipped. "
                    + "DockerComposeTest checks the file without it.");
        }
        Result config = run(List.of("docker", "compose", "--file", DockerComposeTest.COMPOSE_FILE.toString(), "config", "--quiet"));
        assertThat(config.exitCode()).as("docker compose config:\n" + config.output()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return null;
        }
    }
}
