package dev.stride.bench.faults;

import dev.stride.bench.burst.BurstBenchmark;
import dev.stride.bench.burst.BurstSeeder;
import dev.stride.bench.dispatch.BenchDb;
import dev.stride.bench.harness.StrideServices;
import dev.stride.infra.LocalInfrastructure;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.mail.StoredMail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * One scenario, start to end: fresh schemas, the services as separate JVMs, N learners due in the same minute, the
 * scenario's learner actions and poison records, the clock moved to the due instant, the faults injected in order
 * while the burst drains ({@link FaultInjector}), then counting until every expected email arrived and on past both
 * leases ({@link Tally}).
 */
public final class FaultRun {

    /**
     * What a scenario came to; passes with nothing lost, duplicated outside the SMTP window or wrongly sent, a drain within
     * bound, and nothing dead-lettered but the scenario's unreadable records (a valid event on a DLQ is a week gone wrong).
     * {@code deadLettered}: the keys of the records each dead-letter topic gained.
     */
    public record Outcome(Scenario scenario, int n, Tally tally, double totalSeconds, double drainSeconds, double drainBoundSeconds,
                   Map<String, List<String>> deadLettered, List<String> timeline) {

        public boolean passed() {
            return tally.lost() == 0 && tally.duplicated() == 0 && tally.wronglySent() == 0 && drainSeconds <= drainBoundSeconds
                    && validDeadLettered().isEmpty() && unreadableShort().isEmpty();
        }

        /** How many records each dead-letter topic gained. */
        public Map<String, Integer> deadLetterCounts() {
            Map<String, Integer> counts = new TreeMap<>();
            deadLettered.forEach((topic, keys) -> counts.put(topic, keys.size()));
            return counts;
        }

        /** Dead-lettered records that were not unreadable ones (their keys): each a valid event a consumer gave up on. */
        public List<String> validDeadLettered() {
            return deadLettered.values().stream().flatMap(List::stream).filter(key -> !Poison.unreadable(key)).toList();
        }

        /** The dead-letter topics that got fewer unreadable records than every consumer group owes them (topic: got). */
        public Map<String, Long> unreadableShort() {
            Map<String, Long> shortOf = new TreeMap<>();
            if (scenario.poison()) {
                Poison.leastDeadLetters().forEach((topic, least) -> {
                    long got = deadLettered.getOrDefault(topic, List.of()).stream().filter(Poison::unreadable).count();
                    if (got < least) {
                        shortOf.put(topic, got);
                    }
                });
            }
            return shortOf;
        }
    }

    /** Learners whose number ends in 7 are refused for good (550) in the last phase of an SMTP outage. */
    static final Pattern REFUSED = Pattern.compile("learner-\\d*7@burst\\.example\\.org");

    private final LocalInfrastructure infra;
    private final Path logDir;
    private final FaultSettings settings;
    final List<String> timeline = new CopyOnWriteArrayList<>();
    final List<Instant> notifierKills = new CopyOnWriteArrayList<>();
    private Instant start;

    FaultRun(LocalInfrastructure infra, Path logDir, FaultSettings settings) {
        this.infra = infra;
        this.logDir = logDir;
        this.settings = settings;
    }

    Outcome run(Scenario scenario, double baselineRate) throws Exception {
        SmtpSink sink = infra.smtpSink().orElseThrow(() -> new IllegalStateException("the fault suite reads the local SMTP sink"));
        int n = settings.n();
        try (StrideServices services = new StrideServices(StrideServices.projectDir(), infra, logDir.resolve(scenario.name().toLowerCase()));
             Connection db = BenchDb.connect(infra.database()); Statement sql = db.createStatement()) {
            sink.clear();
            sink.clearRules();
            for (String schema : List.of("roadmap", "reminder", "notifier")) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            Map<String, Map<String, String>> config = config();
            // Side by side, as a rollout starts them: a scenario's start-up is a third of its services' start-up times.
            List<CompletableFuture<StrideServices.Running>> starting = new ArrayList<>();
            starting.add(CompletableFuture.supplyAsync(() -> services.start("roadmap-service", 1, config.get("roadmap-service"))));
            for (int replica = 1; replica <= scenario.replicas(); replica++) {
                int instance = replica;
                starting.add(CompletableFuture.supplyAsync(() -> services.start("reminder-service", instance, config.get("reminder-service"))));
                starting.add(CompletableFuture.supplyAsync(() -> services.start("notifier-service", instance, config.get("notifier-service"))));
            }
            starting.forEach(CompletableFuture::join);
            List<UUID> ids = BurstSeeder.seed(infra.kafkaBootstrapServers(), n, LocalDate.now(ZoneOffset.UTC));
            Instant due = BurstBenchmark.awaitScheduled(sql, n);
            LearnerActions actions = scenario.learnerActions() ? new LearnerActions(ids) : null;
            Map<org.apache.kafka.common.TopicPartition, Long> dlqFrom = Poison.deadLetterEnds(infra.kafkaBootstrapServers());
            if (scenario.poison()) {
                Poison.send(infra.kafkaBootstrapServers());
            }
            start = Instant.now();
            // When dispatch may begin: now, or when the reminder-service restarts (its catch-up fence then holds it back).
            Instant dispatchable = start;
            if (actions != null) {
                dispatchable = dueWithActions(services, config, sql, due, actions);
            } else {
                for (StrideServices.Running reminder : named(services, "reminder-service")) {
                    BurstBenchmark.advanceClock(reminder.process().port(), Duration.between(Instant.now(), due).plusSeconds(1));
                }
            }
            note("clock at the due instant");

            Set<Integer> notEmailed = actions == null ? Set.of() : actions.notEmailed();
            Set<Integer> refusable = new HashSet<>();
            if (scenario.faults().contains(Scenario.Fault.SMTP_OUTAGE)) {
                for (int i = 1; i <= n; i++) {
                    if (REFUSED.matcher(BurstSeeder.address(i)).matches()) {
                        refusable.add(i);
                    }
                }
            }
            Set<String> awaited = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                if (!notEmailed.contains(i) && !refusable.contains(i)) {
                    awaited.add(BurstSeeder.address(i));
                }
            }
            FaultInjector injector = new FaultInjector(this, services, config, infra, settings, sink, awaited.size());
            Thread faults = new Thread(() -> injector.inject(scenario.faults()), "fault-injector");
            faults.start();
            Instant lastEmail = awaitAll(sink, awaited, faults);
            faults.join();
            note("every expected email accepted; counting on for " + settings.settle().toSeconds() + " s past both leases");
            Thread.sleep(settings.settle().toMillis());

            List<StoredMail> mails = sink.messages();
            Tally tally = Tally.of(n, mails, notEmailed, refusable, notifierKills);
            if (actions != null && tally.wronglySent() > 0) {
                Map<String, Integer> wrongBy = new TreeMap<>();
                Set<String> recipients = new HashSet<>();
                Tally.nudges(mails).forEach(mail -> recipients.addAll(mail.envelopeTo()));
                notEmailed.stream().filter(i -> recipients.contains(BurstSeeder.address(i)))
                        .forEach(i -> wrongBy.merge(actions.actionOf(i).name(), 1, Integer::sum));
                note("wrongly sent, by the learner's action: " + wrongBy);
            }
            Instant healed = injector.lastHeal().orElse(dispatchable);
            double drain = Math.max(0, Duration.between(healed, lastEmail).toMillis() / 1000.0);
            double bound = 15 + injector.backlogAtLastHeal().orElse(awaited.size()) / baselineRate;
            Map<String, List<String>> dlq = Poison.deadLetteredSince(infra.kafkaBootstrapServers(), dlqFrom);
            return new Outcome(scenario, n, tally, Duration.between(dispatchable, lastEmail).toMillis() / 1000.0, drain, bound, dlq,
                    List.copyOf(timeline));
        }
    }

    /** Settings on top of the shipped ones: the leases the suite runs with (short, so a re-send after a lease shows quickly). */
    private Map<String, Map<String, String>> config() {
        Map<String, Map<String, String>> config = new HashMap<>();
        config.put("roadmap-service", Map.of());
        config.put("reminder-service", Map.of("QUARKUS_PROFILE", "demo", "STRIDE_DEMO_CLOCK_CONTROL", "true", "STRIDE_REMINDER_DISPATCH_LEASE", settings.lease().toSeconds() + "s"));
        config.put("notifier-service", Map.of("STRIDE_DELIVERY_LEASE", settings.lease().toSeconds() + "s",
                "STRIDE_DELIVERY_SEND_TIMEOUT", settings.sendTimeout().toSeconds() + "s"));
        return config;
    }

    /**
     * Puts the learners' actions between the due minute and the dispatch: reminder-service stops, the stored demo clock
     * moves past the due instant, the actions go to Kafka, and reminder-service starts again: its catch-up fence must hold
     * the first dispatch back until it has read them.
     */
    private Instant dueWithActions(StrideServices services, Map<String, Map<String, String>> config, Statement sql, Instant due,
                                LearnerActions actions) throws Exception {
        List<StrideServices.Running> reminders = named(services, "reminder-service");
        reminders.forEach(services::stop);
        long offset = Duration.between(Instant.now(), due).toSeconds() + 2;
        sql.execute("INSERT INTO reminder.clock_offset (id, seconds) VALUES (1, " + offset + ") ON CONFLICT (id) DO UPDATE SET seconds = " + offset);
        LocalDate week;
        try (ResultSet row = sql.executeQuery("SELECT min(week_start) FROM reminder.nudge WHERE status = 'PENDING'")) {
            row.next();
            week = row.getDate(1).toLocalDate();
        }
        note(actions.send(infra.kafkaBootstrapServers(), week, due) + " learner actions sent after the due minute, before dispatch");
        // No hold of the first dispatch beyond the service's own: its catch-up fence must keep it from dispatching a week
        // whose action it has not read yet (a fixed 15 s hold used to stand in for it, and failed at 5,000 learners).
        for (int replica = 1; replica <= reminders.size(); replica++) {
            services.start("reminder-service", replica + 50, config.get("reminder-service"));
        }
        note("reminder-service ready again; it dispatches once it has read the actions");
        // Dispatch may begin once it is ready: the time its fence then holds the dispatch back counts in the drain.
        return Instant.now();
    }

    /** Waits until every awaited address has an email and the faults are over; returns when the last of them arrived. */
    private Instant awaitAll(SmtpSink sink, Set<String> awaited, Thread faults) throws InterruptedException {
        Set<String> missing = new HashSet<>(awaited);
        Instant last = start;
        int seen = 0;
        long deadline = System.nanoTime() + settings.maxRun().toNanos();
        while (System.nanoTime() < deadline) {
            List<StoredMail> mails = sink.messages();
            for (int i = seen; i < mails.size(); i++) {
                StoredMail mail = mails.get(i);
                mail.envelopeTo().forEach(to -> missing.remove(to.toLowerCase(Locale.ROOT)));
                last = mail.receivedAt().isAfter(last) ? mail.receivedAt() : last;
            }
            seen = mails.size();
            if (missing.isEmpty() && !faults.isAlive()) {
                return last;
            }
            Thread.sleep(100);
        }
        note("gave up after " + settings.maxRun().toSeconds() + " s with " + missing.size() + " emails missing");
        return last;
    }

    static List<StrideServices.Running> named(StrideServices services, String service) {
        return new ArrayList<>(services.running().stream().filter(running -> running.name().startsWith(service + "-")).toList());
    }

    void note(String event) {
        timeline.add(String.format("t+%6.1fs %s", start == null ? 0 : Duration.between(start, Instant.now()).toMillis() / 1000.0, event));
    }
}
