package dev.stride.notifier.mail;

import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.UnreadableEventException;
import dev.stride.contracts.event.Unsubscribed;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The notifier sends Stride's own links only: every link an email request carries for a button (confirm, not me, mark done,
 * skip, snooze, pause, manage, unsubscribe, calendar, subscribe again,
 * the home page of a sign-in email, verify a new address) must start with the configured public base URL,
 * so whoever can write to the topics cannot make Stride mail learners a link to another host. A request that breaks
 * this is unreadable: it goes to the topic's dead-letter topic unsent, the consumer goes on, and
 * {@code stride_notifier_rejected_links_total} counts it. Learning resources (the roadmap's links to courses and docs)
 * are content from the catalog, not Stride's links, and are not checked here.
 */
@ApplicationScoped
public class OwnLinks {

    private static final Logger LOG = Logger.getLogger(OwnLinks.class);

    private final String base;
    private final MeterRegistry registry;

    public OwnLinks(MailSettings settings, MeterRegistry registry) {
        String configured = settings.publicBaseUrl().trim();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.registry = registry;
        URI uri = URI.create(base);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("stride.mail.public-base-url must be an absolute http(s) URL, not " + configured);
        }
    }

    /** Throws {@link UnreadableEventException} if a link of the event points anywhere but the public base URL. */
    public void require(EventEnvelope<? extends DomainEvent> envelope) {
        for (String link : links(envelope.data())) {
            if (link != null && !isOwn(link)) {
                registry.counter("stride.notifier.rejected.links", "type", envelope.type()).increment();
                String host = hostOf(link);
                LOG.warnf("%s %s carries a link to %s, not to %s: dead-lettered, no email sent", envelope.type(), envelope.eventId(), host, base);
                throw new UnreadableEventException(envelope.type() + " " + envelope.eventId() + " carries a link to " + host
                        + ", not to the public base URL");
            }
        }
    }

    /**
     * The one-click "stop all Stride email" link of the learner an unsubscribe link belongs to: roadmap-service's
     * {@code /stop-all/{token}} takes the unsubscribe link's own token (its POST ends every live subscription of that
     * learner), so it needs no key here. Empty unless the link is exactly {@code <base>/unsubscribe/<token>}.
     */
    public Optional<String> stopAll(String unsubscribeUrl) {
        String prefix = base + "/unsubscribe/";
        if (unsubscribeUrl == null || !unsubscribeUrl.startsWith(prefix)) {
            return Optional.empty();
        }
        String token = unsubscribeUrl.substring(prefix.length());
        if (token.isEmpty() || !token.matches("[A-Za-z0-9._~-]+")) {
            return Optional.empty();
        }
        return Optional.of(base + "/stop-all/" + token);
    }

    boolean isOwn(String link) {
        return link.equals(base) || link.startsWith(base + "/");
    }

    private static List<String> links(DomainEvent event) {
        List<String> links = new ArrayList<>();
        if (event instanceof NudgeDue nudge) {
            if (nudge.links() != null) {
                NudgeDue.NudgeLinks l = nudge.links();
                links.addAll(Arrays.asList(l.skipWeek(), l.snooze(), l.pause(), l.manage(), l.unsubscribe(), l.calendar(), l.replan()));
            }
            if (nudge.focus() != null) {
                nudge.focus().forEach(focus -> links.add(focus.markDoneUrl()));
            }
        } else if (event instanceof SubscriptionRequested requested) {
            links.addAll(Arrays.asList(requested.confirmUrl(), requested.manageUrl(), requested.notMeUrl()));
        } else if (event instanceof Unsubscribed unsubscribed) {
            links.add(unsubscribed.resubscribeUrl());
        } else if (event instanceof SignInRequested signIn) {
            links.add(signIn.homeUrl());
        } else if (event instanceof AddressChangeRequested change) {
            links.add(change.verifyUrl());
        }
        return links;
    }

    /** Only the host goes into a log line or a dead-letter reason: the rest of a link may be a token. */
    private static String hostOf(String link) {
        try {
            String host = URI.create(link.trim()).getHost();
            return host == null ? "an unreadable address" : host;
        } catch (IllegalArgumentException e) {
            return "an unreadable address";
        }
    }
}
