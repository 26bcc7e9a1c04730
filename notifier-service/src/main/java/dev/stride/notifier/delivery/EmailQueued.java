package dev.stride.notifier.delivery;

import java.util.UUID;

/** An email was recorded in the ledger; observed after the commit to wake the sender. */
public record EmailQueued(UUID emailId) {
}
