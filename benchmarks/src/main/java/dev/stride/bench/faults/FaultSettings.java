package dev.stride.bench.faults;

import java.time.Duration;

/**
 * How hard the fault suite pushes: the burst size, how long each outage lasts, how many times the notifier is killed,
 * and the leases both ledgers run with. The documented full run uses the sizes (60 s SMTP outage, 30 s broker
 * outage, 20 notifier kills); CI runs the same scenarios shorter. Every setting has a {@code -Dfaults.*} property.
 */
public record FaultSettings(int n, Duration restartAfter, Duration smtpDown, Duration smtpTransient, Duration brokerDown,
                            Duration databaseDown, int notifierKills, Duration lease, Duration sendTimeout, Duration maxRun) {

    /** The sizes: what {@code -Dbench=faults} runs unless told otherwise. */
    public static FaultSettings full(int n) {
        return new FaultSettings(n, Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 20, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMinutes(60));
    }

    /** Short outages for CI: every scenario still meets its fault mid-burst. */
    public static FaultSettings ci(int n) {
        return new FaultSettings(n, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMinutes(8));
    }

    /** {@code base} with any {@code -Dfaults.<name>} (seconds, or a count) applied. */
    public static FaultSettings fromProperties(FaultSettings base) {
        return new FaultSettings(base.n(), seconds("restartAfter", base.restartAfter()), seconds("smtpDown", base.smtpDown()),
                seconds("smtpTransient", base.smtpTransient()), seconds("brokerDown", base.brokerDown()),
                seconds("databaseDown", base.databaseDown()), Integer.getInteger("faults.notifierKills", base.notifierKills()),
                seconds("lease", base.lease()), seconds("sendTimeout", base.sendTimeout()), seconds("maxRun", base.maxRun()));
    }

    /** After the last email, how long to go on counting: past both leases, so a row re-sent after its lease would show. */
    public Duration settle() {
        return lease().multipliedBy(2).plusSeconds(5);
    }

    private static Duration seconds(String name, Duration fallback) {
        Long value = Long.getLong("faults." + name);
        return value == null ? fallback : Duration.ofSeconds(value);
    }
}
