package dev.stride.infra.local;

import dev.stride.infra.InfrastructureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line, and the {@code stride} script's side of it on a fresh clone (no target folders at all). */
class LaunchOptionsTest {

    private record Run(int exit, String out, String err, long millis) {
    }

    @TempDir
    Path work;

    @Test
    void everyOptionIsAcceptedAndListedInTheUsage() {
        assertThat(LaunchOptions.options()).contains("--help", "--fresh", "--no-build", "--data-dir", "--roadmap-port", "--partitions");
        for (String option : LaunchOptions.options()) {
            assertThat(LaunchOptions.USAGE).as("usage lists " + option).containsPattern("(?m)^  (.*[ ,])?" + option + "\\b");
            List<String> args = LaunchOptions.takesValue(option) ? List.of(option, "2") : List.of(option);
            LaunchOptions.parse(args, Map.of()); // accepted: no exception
        }
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--bogus"), Map.of())).isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("Unknown option '--bogus'");
    }

    @Test
    void helpOnAFreshCloneIsPrintedByTheScriptWithoutJavaOrABuild() throws Exception {
        Path clone = copyScript();

        for (String flag : List.of("--help", "-h")) {
            Run run = stride(List.of("--no-build", flag), "/nonexistent");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(LaunchOptions.USAGE);
            assertThat(run.err()).isEmpty();
            assertThat(run.millis()).as("help is instant").isLessThan(5_000);
        }
        try (var left = Files.list(clone)) {
            assertThat(left).as("nothing built or written").containsExactly(clone.resolve("stride"));
        }
    }

    @Test
    void noBuildOnAFreshCloneSaysWhatIsMissingInsteadOfAStackTrace() throws Exception {
        copyScript();

        Run run = stride(List.of("--no-build"), Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stride: --no-build, but Stride is not built yet (deploy/infra/target/stride-infra-1.0.0-SNAPSHOT.jar is missing)")
                .contains("./mvnw -DskipTests install").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Path copyScript() throws IOException {
        Path clone = Files.createDirectories(work.resolve("clone"));
        Files.copy(projectDir().resolve("stride"), clone.resolve("stride"));
        return clone;
    }

    /** The project root: surefire runs in deploy/infra and names the root's target folder. */
    private static Path projectDir() {
        String buildDir = System.getProperty("stride.build.dir");
        return buildDir != null ? Path.of(buildDir).getParent() : Path.of("../..").toAbsolutePath().normalize();
    }

    private Run stride(List<String> args, String path) throws Exception {
        Path clone = work.resolve("clone");
        List<String> command = new ArrayList<>(List.of("bash", clone.resolve("stride").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("stride.out").toFile())
                .redirectError(work.resolve("stride.err").toFile());
        builder.environment().put("PATH", path);
        long start = System.nanoTime();
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(process.exitValue(), Files.readString(work.resolve("stride.out"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("stride.err"), StandardCharsets.UTF_8), millis);
    }
}
