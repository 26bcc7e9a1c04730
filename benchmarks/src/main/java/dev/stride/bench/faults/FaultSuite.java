package dev.stride.bench.faults;

import dev.stride.bench.Table;
import dev.stride.infra.LocalInfrastructure;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the chosen scenarios, the baseline first (its throughput bounds every other drain: 15 s plus the backlog left
 * when the last fault healed, at baseline speed), and prints one row per scenario and each scenario's timeline.
 */
public final class FaultSuite {

    private final LocalInfrastructure infra;
    private final Path logDir;
    private final FaultSettings settings;
    private final PrintStream out;

    public FaultSuite(LocalInfrastructure infra, Path logDir, FaultSettings settings, PrintStream out) {
        this.infra = infra;
        this.logDir = logDir;
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the baseline and then {@code scenarios} in the order given (each once); returns every outcome it ran, baseline first. Naming
     * {@code baseline} among them runs it a second time, bounded like a scenario: how far two fault-free runs differ.
     * {@code -Dfaults.baselineRate} (emails a second, from an earlier baseline at the same n on the same machine) skips
     * the baseline: at n = 100,000 it is a quarter of an hour per invocation.
     */
    public List<FaultRun.Outcome> run(List<Scenario> scenarios) throws Exception {
        out.println("faults:  n " + settings.n() + ", " + settings);
        List<FaultRun.Outcome> outcomes = new ArrayList<>();
        String given = System.getProperty("faults.baselineRate", "");
        double rate;
        if (given.isBlank()) {
            FaultRun.Outcome baseline = new FaultRun(infra, logDir, settings).run(Scenario.BASELINE, 1);
            outcomes.add(baseline);
            rate = baseline.tally().expected() / Math.max(0.001, baseline.totalSeconds());
            report(baseline);
        } else {
            rate = Double.parseDouble(given);
            if (!(rate > 0)) {
                throw new IllegalArgumentException("-Dfaults.baselineRate must be a positive rate in emails a second, not " + given);
            }
            out.println("BASELINE: not run; drains are bounded at the given " + rate + " emails/s (-Dfaults.baselineRate)");
        }
        for (Scenario scenario : new LinkedHashSet<>(scenarios)) {
            FaultRun.Outcome outcome = new FaultRun(infra, logDir, settings).run(scenario, rate);
            outcomes.add(outcome);
            report(outcome);
        }
        print(outcomes, out);
        return outcomes;
    }

    public static List<Scenario> parse(String names) {
        if (names.isBlank() || names.equals("all")) {
            return java.util.Arrays.stream(Scenario.values()).filter(scenario -> scenario != Scenario.BASELINE).toList();
        }
        return java.util.Arrays.stream(names.split(",")).map(String::trim).map(name -> Scenario.valueOf(name.toUpperCase().replace('-', '_'))).toList();
    }

    private void report(FaultRun.Outcome outcome) {
        out.println(outcome.scenario() + ": " + outcome.scenario().description() + (outcome.passed() ? " — passed" : " — FAILED"));
        outcome.timeline().forEach(line -> out.println("  " + line));
        out.println("  dead-lettered in this scenario: " + outcome.deadLetterCounts());
        if (!outcome.validDeadLettered().isEmpty()) {
            out.println("  VALID records dead-lettered (their keys): " + outcome.validDeadLettered());
        }
        if (!outcome.unreadableShort().isEmpty()) {
            out.println("  fewer unreadable records dead-lettered than " + Poison.leastDeadLetters() + ": " + outcome.unreadableShort());
        }
        // Its row at once: a run of several scenarios at n = 100,000 takes hours, and may be stopped before the last table.
        print(List.of(outcome), out);
        out.flush();
    }

    public static void print(List<FaultRun.Outcome> outcomes, PrintStream out) {
        Table table = new Table("scenario", "n", "expected", "lost", "duplicated", "SMTP-window dups (ms before kill)", "Message-ID dups",
                "wrongly sent", "refused 5xx", "due→last s", "drain s", "bound s", "result");
        for (FaultRun.Outcome o : outcomes) {
            Tally t = o.tally();
            table.row(o.scenario().name().toLowerCase().replace('_', '-'), o.n(), t.expected(), t.lost(), t.duplicated(),
                    t.windowGapsMs().size() + (t.windowGapsMs().isEmpty() ? "" : " " + t.windowGapsMs().stream().map(String::valueOf)
                            .collect(Collectors.joining(",", "(", ")"))),
                    t.messageIdDuplicates(), t.wronglySent(), t.refused(), o.totalSeconds(), o.drainSeconds(), o.drainBoundSeconds(),
                    o.passed() ? "pass" : "FAIL");
        }
        out.println();
        table.print(out);
    }
}
