package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.privacy.Addresses;

import java.time.Instant;
import java.util.UUID;

/**
 * An email this sender holds the lease on, with what it needs to render and send it; {@code attempt} counts this one.
 * {@code probe}: sent to find out whether the mail server answers again ({@link SmtpCircuit}); {@code pulledForwardFrom}:
 * the due time of a probe taken before it was due (null otherwise), given back if the server is still down; {@code traceParent}:
 * the span that queued it (null when untraced), parent of the SMTP span; {@code resend}: an operator's resend of an earlier email,
 * not a nudge arriving late (left out of the delivery-lag SLI).
 */
public record ClaimedEmail(UUID emailId, EmailKind kind, UUID subscriptionId, String recipient, String payload, int attempt,
                           boolean probe, Instant pulledForwardFrom, String traceParent, boolean resend) {

    /** Without the address and the payload (the event, with the learner's name and links): ids only. */
    @Override
    public String toString() {
        return "ClaimedEmail[" + kind + " " + emailId + ", subscription " + subscriptionId + ", " + Addresses.logId(recipient)
                + ", attempt " + attempt + (probe ? ", probe" : "") + "]";
    }
}
