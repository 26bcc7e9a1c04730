package dev.stride.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@code ./stride} and one headless Chromium for every browser test class of the run: started by the first class
 * that asks (through {@link StrideSession}), kept in JUnit's root store, and stopped when the run ends. Launching the
 * whole system takes about a minute, so the journeys share it; each uses its own learner addresses.
 */
final class RunningStride implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStride.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final Path work;
    final Map<String, Integer> ports;
    final Process stride;
    final WebDriver browser;

    private RunningStride(Path work, Map<String, Integer> ports, Process stride, WebDriver browser) {
        this.work = work;
        this.ports = ports;
        this.stride = stride;
        this.browser = browser;
    }

    static RunningStride in(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningStride.class, key -> start(), RunningStride.class);
    }

    private static RunningStride start() {
        try {
            assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
            assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver; .ci/run installs it)").isExecutable();
            Path work = Files.createTempDirectory("stride-browser-");
            Map<String, Integer> ports = LocalStride.freePorts();
            Path output = work.resolve("stride.log");
            Process stride = LocalStride.launch(ports, work.resolve("data"), output, List.of());
            await("stride ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> LocalStride.read(output).contains("Stride is running.") || !stride.isAlive());
            assertThat(stride.isAlive()).as("launcher alive; its output:\n%s", LocalStride.read(output)).isTrue();

            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Headless, as root, and quiet on a machine whose network is closed (no background fetches to Google).
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                    "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new RunningStride(work, ports, stride, new ChromeDriver(service, options));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        browser.quit();
        stride.destroy();
        if (!stride.waitFor(90, TimeUnit.SECONDS)) {
            stride.descendants().forEach(ProcessHandle::destroyForcibly);
            stride.destroyForcibly();
        }
    }
}
