package dev.stride.notifier.delivery;

/** Where an email stands in the delivery ledger. PENDING and RETRYING are due for sending; the rest are final. */
public enum DeliveryState {
    PENDING,
    RETRYING,
    SENT,
    FAILED,
    /** Not sent: the address unsubscribed from this subscription, or hard-bounced, before it went out ({@code suppression_reason}). */
    SUPPRESSED
}
