package dev.stride.notifier.messaging;

import dev.stride.contracts.Channels;
import dev.stride.contracts.consumer.ConsumerRetry;
import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.event.AddressUnsuppressed;
import dev.stride.contracts.event.EmailResendRequested;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.logging.LogContext;
import dev.stride.contracts.trace.TraceContexts;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.UnreadableEventException;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.notifier.delivery.DeliveryLedger;
import dev.stride.notifier.digest.Digests;
import dev.stride.notifier.delivery.DeliveryMetrics;
import dev.stride.notifier.delivery.DeliverySettings;
import dev.stride.notifier.mail.OwnLinks;
import dev.stride.notifier.retention.Erasure;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;


/**
 * Turns events into ledger entries; it never talks to the mail server, so a slow or absent SMTP server cannot
 * hold a partition. {@code ordered = false}: records run concurrently on worker threads (a blocking send inside an
 * ordered consumer deadlocked, see the README) and each one's outcome depends only on unique keys in the database.
 * At most {@code smallrye.messaging.worker.email-requests.max-concurrency} records at a time, on a worker pool of their own:
 * unbounded, a burst put hundreds of transactions on the 16 pooled connections, and the senders' own transactions waited
 * out the pool's acquisition timeout (116 timeouts in a 5,000-email burst).
 * A record that is not a readable event of the expected kind, or carries a link to another host than Stride's
 * ({@link OwnLinks}), throws, is nacked and lands on the topic's .dlq.
 */
@ApplicationScoped
public class EmailRequestConsumer {

    private static final Logger LOG = Logger.getLogger(EmailRequestConsumer.class);
    /** The consumers' worker pool (its concurrency in application.properties). */
    static final String REQUEST_WORKERS = "email-requests";

    private final DeliveryLedger ledger;
    private final ProcessedEvents processed;
    private final DeliveryMetrics metrics;
    private final Erasure erasure;
    private final ConsumerRetry retry;
    private final OwnLinks ownLinks;
    private final Digests digests;

    public EmailRequestConsumer(DeliveryLedger ledger, ProcessedEvents processed, DeliveryMetrics metrics, Erasure erasure,
                                DeliverySettings settings, OwnLinks ownLinks, Digests digests) {
        this.ownLinks = ownLinks;
        this.digests = digests;
        this.ledger = ledger;
        this.processed = processed;
        this.metrics = metrics;
        this.erasure = erasure;
        this.retry = new ConsumerRetry(settings.consumerRetryFor(), message -> LOG.warnf("Recording an email request failed: %s", message));
    }

    /**
     * The record is read outside any transaction (an unreadable one goes to the DLQ at once); its ledger work runs in a
     * transaction of its own, retried as a whole while the database is restarting or out of connections.
     */
    @Incoming(Channels.NUDGE_EVENTS_IN)
    @Blocking(value = REQUEST_WORKERS, ordered = false)
    public void onNudgeEvent(ConsumerRecord<String, byte[]> record) {
        TraceContexts.withinSpan("record nudge email", SpanKind.CONSUMER, TraceContexts.traceParent(record.headers()),
                () -> recordNudge(record.value()));
    }

    private void recordNudge(byte[] record) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(record);
        try (LogContext context = LogContext.event(envelope)) {
            nudgeEvent(envelope);
        }
    }

    private void nudgeEvent(EventEnvelope<? extends DomainEvent> envelope) {
        if (!(envelope.data() instanceof NudgeDue nudge)) {
            throw new UnreadableEventException(envelope.type() + " " + envelope.eventId() + " does not belong on nudge-events");
        }
        require(nudge.nudgeId(), "nudgeId", envelope);
        require(nudge.subscriptionId(), "subscriptionId", envelope);
        require(nudge.kind(), "kind", envelope);
        requireLearner(nudge.learner(), envelope);
        ownLinks.require(envelope);
        inTransaction(() -> {
            if (erasure.erased(nudge.subscriptionId())) {
                return;
            }
            if (nudge.digest() != null && nudge.digest().key() != null) {
                digests.hold(envelope.as(NudgeDue.class).orElseThrow());
            } else {
                ledger.record(EmailKind.NUDGE, nudge.nudgeId(), nudge.subscriptionId(), nudge.learner().email(), envelope);
            }
        });
    }

    @Incoming(Channels.SUBSCRIPTION_EVENTS_IN)
    @Blocking(value = REQUEST_WORKERS, ordered = false)
    public void onSubscriptionEvent(ConsumerRecord<String, byte[]> record) {
        TraceContexts.withinSpan("record subscription email", SpanKind.CONSUMER, TraceContexts.traceParent(record.headers()),
                () -> recordSubscriptionEmail(record.value()));
    }

    private void recordSubscriptionEmail(byte[] record) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(record);
        try (LogContext context = LogContext.event(envelope)) {
            subscriptionEvent(envelope);
        }
    }

    private void subscriptionEvent(EventEnvelope<? extends DomainEvent> envelope) {
        if (envelope.data() instanceof SubscriptionRequested requested) {
            require(requested.subscriptionId(), "subscriptionId", envelope);
            requireLearner(requested.learner(), envelope);
            ownLinks.require(envelope);
            inTransaction(() -> {
                if (firstTime(envelope, EmailKind.CONFIRMATION) && !erasure.erased(requested.subscriptionId())) {
                    ledger.record(EmailKind.CONFIRMATION, envelope.eventId(), requested.subscriptionId(), requested.learner().email(), envelope);
                }
            });
        } else if (envelope.data() instanceof Unsubscribed unsubscribed) {
            require(unsubscribed.subscriptionId(), "subscriptionId", envelope);
            requireLearner(unsubscribed.learner(), envelope);
            ownLinks.require(envelope);
            inTransaction(() -> {
                if (firstTime(envelope, EmailKind.GOODBYE) && !erasure.erased(unsubscribed.subscriptionId())) {
                    unsubscribe(envelope, unsubscribed);
                }
            });
        } else if (envelope.data() instanceof SignInRequested signIn) {
            require(signIn.learnerId(), "learnerId", envelope);
            requireLearner(signIn.learner(), envelope);
            ownLinks.require(envelope);
            recordOnce(envelope, EmailKind.SIGN_IN, signIn.learnerId(), signIn.learner().email());
        } else if (envelope.data() instanceof AddressChangeRequested change) {
            require(change.learnerId(), "learnerId", envelope);
            require(change.newAddress(), "newAddress", envelope);
            ownLinks.require(envelope);
            // To the new address only: the old one keeps getting everything else until the link is followed.
            recordOnce(envelope, EmailKind.ADDRESS_CHANGE, change.learnerId(), change.newAddress());
        } else if (envelope.data() instanceof AddressSuppressed suppressed) {
            require(suppressed.addressHash(), "addressHash", envelope);
            Instant requestedAt = suppressed.at() != null ? suppressed.at() : envelope.occurredAt();
            inTransaction(() -> {
                if (processed.firstTime(envelope.eventId(), envelope.type()) && ledger.suppressAddress(suppressed.addressHash(), requestedAt)) {
                    LOG.infof("Address %s suppressed for every email (%s)", suppressed.addressHash().substring(0, 12), suppressed.reason());
                }
            });
        } else if (envelope.data() instanceof AddressUnsuppressed lifted) {
            require(lifted.addressHash(), "addressHash", envelope);
            Instant liftedAt = lifted.at() != null ? lifted.at() : envelope.occurredAt();
            inTransaction(() -> {
                // Once per event id, and by the lift's own time: neither a redelivered lift nor one that overtook a
                // later suppression on its way here (records run concurrently) may undo that suppression.
                if (processed.firstTime(envelope.eventId(), envelope.type()) && ledger.unsuppressAddress(lifted.addressHash(), liftedAt)) {
                    LOG.infof("Suppression of address %s lifted by %s", lifted.addressHash().substring(0, 12), lifted.operator());
                }
            });
        } else if (envelope.data() instanceof EmailResendRequested resend) {
            require(resend.emailId(), "emailId", envelope);
            inTransaction(() -> {
                if (processed.firstTime(envelope.eventId(), envelope.type())) {
                    resend(envelope, resend);
                }
            });
        } else if (envelope.data() instanceof LearnerErased erased) {
            inTransaction(() -> {
                if (processed.firstTime(envelope.eventId(), envelope.type())) {
                    erasure.erase(erased.learnerId(), erased.addressHash(), erased.subscriptionIds());
                }
            });
        }
        // Every other subscription event changes nothing here: acknowledged and ignored.
    }

    /** An email about the learner rather than a subscription: the ledger's subscription id is the learner id. */
    private void recordOnce(EventEnvelope<? extends DomainEvent> envelope, EmailKind kind, UUID learnerId, String recipient) {
        inTransaction(() -> {
            if (firstTime(envelope, kind)) {
                ledger.record(kind, envelope.eventId(), learnerId, recipient, envelope);
            }
        });
    }

    private void inTransaction(Runnable work) {
        retry.get(() -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    /**
     * The original's stored content again, as a new email keyed by the request's event id (a redelivery is dropped by the
     * ledger). An unknown original is not an unreadable event: the console may ask after retention removed it. Logged, skipped.
     */
    private void resend(EventEnvelope<?> envelope, EmailResendRequested resend) {
        switch (ledger.resend(envelope.eventId(), resend.emailId())) {
            case QUEUED -> LOG.infof("Email %s resent as %s (asked by %s)", resend.emailId(), envelope.eventId(), resend.operator());
            case NOT_QUEUED -> LOG.infof("Resend %s of email %s not queued: a repeat, or the address is suppressed", envelope.eventId(), resend.emailId());
            case UNKNOWN_EMAIL -> LOG.warnf("Resend %s names email %s, which is unknown here (never sent, or removed by retention); ignored",
                    envelope.eventId(), resend.emailId());
        }
    }

    private void unsubscribe(EventEnvelope<?> envelope, Unsubscribed unsubscribed) {
        String address = unsubscribed.learner().email();
        if (ledger.suppress(address, unsubscribed.subscriptionId(), envelope.eventId())) {
            if (unsubscribed.goodbye()) {
                ledger.record(EmailKind.GOODBYE, envelope.eventId(), unsubscribed.subscriptionId(), address, envelope);
            } else {
                // "This wasn't me": the owner asked for no email at all, and AddressSuppressed (another partition) may come later.
                LOG.infof("Subscription %s ended by its address's owner (%s); no goodbye", unsubscribed.subscriptionId(), unsubscribed.reason());
            }
        } else {
            // Left once already (another Unsubscribed event for it): one goodbye is enough.
            metrics.duplicateDropped(EmailKind.GOODBYE);
            LOG.infof("Subscription %s was already unsubscribed; no second goodbye", unsubscribed.subscriptionId());
        }
    }

    private boolean firstTime(EventEnvelope<?> envelope, EmailKind kind) {
        if (processed.firstTime(envelope.eventId(), envelope.type())) {
            return true;
        }
        metrics.duplicateDropped(kind);
        return false;
    }

    private static void require(Object value, String field, EventEnvelope<?> envelope) {
        if (value == null) {
            throw new UnreadableEventException(envelope.type() + " " + envelope.eventId() + " has no " + field);
        }
    }

    private static void requireLearner(Learner learner, EventEnvelope<?> envelope) {
        if (learner == null || learner.email() == null || learner.email().isBlank()) {
            throw new UnreadableEventException(envelope.type() + " " + envelope.eventId() + " names no recipient");
        }
    }
}
