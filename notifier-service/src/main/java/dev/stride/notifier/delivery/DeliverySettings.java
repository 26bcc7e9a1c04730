package dev.stride.notifier.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the sender works through the delivery ledger. Environment form: STRIDE_DELIVERY_POLL_INTERVAL and so on. */
@ConfigMapping(prefix = "stride.delivery")
public interface DeliverySettings {

    /** How often the sender looks for due emails. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Emails claimed in one transaction. */
    @WithDefault("20")
    int batchSize();

    /** Sends in flight at once; one slow SMTP exchange holds one of them, never the others. */
    @WithDefault("8")
    int maxConcurrentSends();

    /** A send not finished by then is a transient failure: the reactive mailer's only read timeout (see the README). */
    @WithDefault("15s")
    Duration sendTimeout();

    /** A claimed email is not claimed again before this passes; must be longer than the send timeout. */
    @WithDefault("2m")
    Duration lease();

    /**
     * First retry delay after a transient failure. 10 s: a 4xx to every recipient (a server busy for a moment) drains
     * within seconds of passing; greylisting still gets 12 attempts over more than an hour.
     */
    @WithDefault("10s")
    Duration retryBase();

    /** Each further retry waits this many times longer. */
    @WithDefault("2")
    double retryFactor();

    @WithDefault("1h")
    Duration retryMaxDelay();

    /** Attempts in all, the first included; a transient failure on the last one fails the email. */
    @WithDefault("12")
    int maxAttempts();

    /** While the mail server is down, one probe send is made this often; the first it answers releases the backlog. */
    @WithDefault("5s")
    Duration probeEvery();

    /** How often finished emails' Delivered / DeliveryFailed events are published. */
    @WithDefault("1s")
    Duration eventsInterval();

    /** How long one batch of delivery events waits for Kafka's acknowledgement. */
    @WithDefault("10s")
    Duration eventsTimeout();

    /** How long a nudge or subscription event whose ledger write fails for a reason that may pass is retried before its DLQ. */
    @WithDefault("5m")
    Duration consumerRetryFor();
}
