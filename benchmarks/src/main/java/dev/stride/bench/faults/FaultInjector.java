package dev.stride.bench.faults;

import dev.stride.bench.dispatch.BenchDb;
import dev.stride.bench.harness.StrideServices;
import dev.stride.infra.KafkaBroker;
import dev.stride.infra.LocalInfrastructure;
import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injects a scenario's faults one after another, each when the burst has got far enough (emails accepted, or nudges
 * dispatched for a reminder kill), and each blocking until it has healed: the killed service ready again, the server
 * answering again. Remembers when the last one healed and how much of the burst was still to come then.
 */
final class FaultInjector {

    private final FaultRun run;
    private final StrideServices services;
    private final Map<String, Map<String, String>> config;
    private final LocalInfrastructure infra;
    private final FaultSettings settings;
    private final SmtpSink sink;
    private final int awaited;
    private final AtomicInteger restarts = new AtomicInteger(100);
    private volatile Instant lastHeal;
    private volatile Integer backlogAtLastHeal;

    FaultInjector(FaultRun run, StrideServices services, Map<String, Map<String, String>> config, LocalInfrastructure infra,
                  FaultSettings settings, SmtpSink sink, int awaited) {
        this.run = run;
        this.services = services;
        this.config = config;
        this.infra = infra;
        this.settings = settings;
        this.sink = sink;
        this.awaited = awaited;
    }

    Optional<Instant> lastHeal() {
        return Optional.ofNullable(lastHeal);
    }

    Optional<Integer> backlogAtLastHeal() {
        return Optional.ofNullable(backlogAtLastHeal);
    }

    void inject(List<Scenario.Fault> faults) {
        boolean alone = faults.size() == 1;
        try (Connection db = BenchDb.connect(infra.database()); Statement sql = db.createStatement()) {
            for (Scenario.Fault fault : faults) {
                switch (fault) {
                    case KILL_REMINDER -> {
                        awaitDispatched(sql, settings.n() / 4);
                        killAndRestart("reminder-service");
                    }
                    case KILL_NOTIFIER -> {
                        int kills = alone ? settings.notifierKills() : 1;
                        for (int kill = 1; kill <= kills; kill++) {
                            awaitAccepted((long) awaited * kill / (kills + 1));
                            killAndRestart("notifier-service");
                        }
                    }
                    case KILL_ROADMAP -> killAndRestart("roadmap-service");
                    case SMTP_OUTAGE -> smtpOutage();
                    case BROKER_OUTAGE -> brokerOutage();
                    case DATABASE_OUTAGE -> databaseOutage(sql);
                }
            }
        } catch (Exception e) {
            run.note("fault injection failed: " + e);
            throw new IllegalStateException("fault injection failed", e);
        }
    }

    private void killAndRestart(String service) throws InterruptedException {
        StrideServices.Running victim = FaultRun.named(services, service).get(0);
        services.kill(victim);
        if (service.equals("notifier-service")) {
            run.notifierKills.add(Instant.now());
        }
        run.note("kill -9 " + victim.name() + " (" + sink.count() + " emails accepted)");
        Thread.sleep(settings.restartAfter().toMillis());
        StrideServices.Running restarted = services.start(service, restarts.incrementAndGet(), config.get(service));
        run.note(restarted.name() + " ready again after " + restarted.startToReady().toMillis() + " ms");
        healed();
    }

    private void smtpOutage() throws InterruptedException {
        awaitAccepted(awaited * 3L / 10);
        sink.suspend();
        run.note("SMTP refuses connections (" + sink.count() + " emails accepted)");
        Thread.sleep(settings.smtpDown().toMillis());
        sink.addRule(SmtpReplyRule.refuse(".*", 451, "4.3.0 Try again later"));
        sink.resume();
        run.note("SMTP answers 451 to every recipient");
        Thread.sleep(settings.smtpTransient().toMillis());
        sink.clearRules();
        sink.addRule(SmtpReplyRule.refuse(FaultRun.REFUSED.pattern(), 550, "5.1.1 No such mailbox"));
        run.note("SMTP accepts again, refusing learners whose number ends in 7 for good (550)");
        healed();
    }

    private void brokerOutage() throws InterruptedException {
        awaitAccepted(awaited * 4L / 10);
        KafkaBroker broker = infra.kafkaBroker().orElseThrow(() -> new IllegalStateException("the broker outage needs the local broker"));
        broker.suspend();
        run.note("Kafka broker stopped (" + sink.count() + " emails accepted)");
        Thread.sleep(settings.brokerDown().toMillis());
        broker.resume();
        run.note("Kafka broker started again");
        healed();
    }

    /** What a PostgreSQL restart does to its clients, again and again: every connection of the services severed. */
    private void databaseOutage(Statement sql) throws Exception {
        awaitAccepted(awaited / 2);
        run.note("PostgreSQL connections severed for " + settings.databaseDown().toSeconds() + " s (" + sink.count() + " emails accepted)");
        long until = System.nanoTime() + settings.databaseDown().toNanos();
        int severed = 0;
        while (System.nanoTime() < until) {
            try (ResultSet rows = sql.executeQuery("""
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = current_user""")) {
                rows.next();
                severed += rows.getInt(1);
            }
            Thread.sleep(250);
        }
        run.note("PostgreSQL left alone again (" + severed + " connections severed)");
        healed();
    }

    private void healed() {
        lastHeal = Instant.now();
        backlogAtLastHeal = Math.max(0, awaited - sink.count());
    }

    private void awaitAccepted(long count) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxRun().toNanos();
        while (sink.count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the burst never reached " + count + " emails accepted");
            }
            Thread.sleep(20);
        }
    }

    private void awaitDispatched(Statement sql, long count) throws Exception {
        long deadline = System.nanoTime() + settings.maxRun().toNanos();
        while (System.nanoTime() < deadline) {
            try (ResultSet row = sql.executeQuery("SELECT count(*) FROM reminder.nudge WHERE status = 'SENT'")) {
                row.next();
                if (row.getLong(1) >= count) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the reminder never dispatched " + count + " nudges");
    }
}
