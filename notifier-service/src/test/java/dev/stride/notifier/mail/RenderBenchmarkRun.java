package dev.stride.notifier.mail;

import dev.stride.infra.Machine;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.StackProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link RenderBenchmark} in this JVM (JMH without a fork) inside the Quarkus test application, so the benchmark
 * composes with the beans, templates and database the service uses. Only with {@code -Dbench=render} (benchmarks
 * README, "render"); a normal build compiles it and skips it. {@code -Drender.prof=stack} adds JMH's stack profiler.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "bench", matches = "render")
class RenderBenchmarkRun {

    @Test
    void composeNudgeEmails() throws RunnerException {
        System.out.println(Machine.describe());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RenderBenchmark.class.getName() + "\\." + System.getProperty("render.methods", ".*"))
                .forks(0)
                .threads(1)
                .warmupIterations(Integer.getInteger("render.warmup", 3))
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(Integer.getInteger("render.iterations", 5))
                .measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if ("stack".equals(System.getProperty("render.prof"))) {
            options.addProfiler(StackProfiler.class, "lines=12;top=25;detailLine=true");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        assertThat(results).as("every benchmark method ran").isNotEmpty();
    }
}
