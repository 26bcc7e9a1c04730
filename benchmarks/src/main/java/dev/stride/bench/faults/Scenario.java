package dev.stride.bench.faults;

import java.util.List;

/** One run of the suite: a fresh burst, with these faults injected in order while it drains. */
public enum Scenario {

    BASELINE("no fault: the throughput the drain bounds are measured against", 1, List.of(), false, false),
    KILL_REMINDER("kill -9 of reminder-service while it publishes, restarted", 1, List.of(Fault.KILL_REMINDER), false, false),
    KILL_NOTIFIER("kill -9 of notifier-service at full sending speed, restarted, several times", 1, List.of(Fault.KILL_NOTIFIER), false, false),
    KILL_ROADMAP("kill -9 of roadmap-service (learner actions and delivery events in flight), restarted", 1,
            List.of(Fault.KILL_ROADMAP), true, false),
    KILL_REPLICAS("two reminder and two notifier replicas; one of each killed, restarted", 2,
            List.of(Fault.KILL_REMINDER, Fault.KILL_NOTIFIER), false, false),
    SMTP_OUTAGE("SMTP refuses connections, then answers 4xx, then 5xx for some recipients", 1, List.of(Fault.SMTP_OUTAGE), false, false),
    BROKER_OUTAGE("the Kafka broker stopped mid-burst and started again", 1, List.of(Fault.BROKER_OUTAGE), false, false),
    DATABASE_OUTAGE("every PostgreSQL connection severed again and again, as a restart does", 1, List.of(Fault.DATABASE_OUTAGE), false, false),
    LEARNER_ACTIONS("done, plan change, skip, snooze, pause, unsubscribe between the due minute and dispatch", 1, List.of(), true, false),
    POISON("unreadable records, unknown types and versions, unknown subscriptions on every topic", 1, List.of(), false, true),
    COMBINED("all of the above in one burst", 1, List.of(Fault.KILL_REMINDER, Fault.KILL_NOTIFIER, Fault.SMTP_OUTAGE,
            Fault.BROKER_OUTAGE, Fault.DATABASE_OUTAGE, Fault.KILL_ROADMAP), true, true);

    /** The faults a scenario can inject; each blocks until it has healed. */
    public enum Fault { KILL_REMINDER, KILL_NOTIFIER, KILL_ROADMAP, SMTP_OUTAGE, BROKER_OUTAGE, DATABASE_OUTAGE }

    private final String description;
    private final int replicas;
    private final List<Fault> faults;
    private final boolean learnerActions;
    private final boolean poison;

    Scenario(String description, int replicas, List<Fault> faults, boolean learnerActions, boolean poison) {
        this.description = description;
        this.replicas = replicas;
        this.faults = faults;
        this.learnerActions = learnerActions;
        this.poison = poison;
    }

    public String description() {
        return description;
    }

    public int replicas() {
        return replicas;
    }

    public List<Fault> faults() {
        return faults;
    }

    public boolean learnerActions() {
        return learnerActions;
    }

    public boolean poison() {
        return poison;
    }
}
