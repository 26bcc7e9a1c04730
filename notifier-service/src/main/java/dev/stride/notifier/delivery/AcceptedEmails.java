package dev.stride.notifier.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emails the SMTP server accepted whose {@code SENT} is being recorded, or was recorded only after retries: this
 * instance does not send them again when it claims them meanwhile. A mark held up by a database outage can outlast the
 * email's lease; the row is then due again, and a claim here would send it a second time. A mark that succeeded after
 * retries is remembered for one more lease: it may commit right after a claim that took the row (the mark's UPDATE
 * waits for the claim's row lock), before the drain looks here. A mark that succeeds at its first try needs no memory.
 * Another replica can still claim such an email in the moment between the database's return and the mark.
 */
final class AcceptedEmails {

    /** Still being marked: held until the mark ends. */
    private static final long MARKING = Long.MAX_VALUE;

    private final long leaseNanos;
    /** Email id to the {@link System#nanoTime()} until which a claim of it is not sent, or {@link #MARKING}. */
    private final Map<UUID, Long> held = new ConcurrentHashMap<>();

    AcceptedEmails(Duration lease) {
        this.leaseNanos = lease.toNanos();
    }

    /** The server accepted the email; its mark starts. */
    void marking(UUID emailId) {
        long now = System.nanoTime();
        held.values().removeIf(until -> until != MARKING && until - now <= 0);
        held.put(emailId, MARKING);
    }

    /** The mark is committed; {@code retried}: only after failed tries, so a claim may have taken the row meanwhile. */
    void marked(UUID emailId, boolean retried) {
        if (retried) {
            held.put(emailId, System.nanoTime() + leaseNanos);
        } else {
            held.remove(emailId);
        }
    }

    /** The mark was given up: the email goes out again after its lease (the documented duplicate). */
    void markAbandoned(UUID emailId) {
        held.remove(emailId);
    }

    /** Whether a claim of this email must not be sent: the server has it. */
    boolean holds(UUID emailId) {
        Long until = held.get(emailId);
        return until != null && (until == MARKING || until - System.nanoTime() > 0);
    }
}
