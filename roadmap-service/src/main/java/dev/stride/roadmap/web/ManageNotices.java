package dev.stride.roadmap.web;

import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.retention.InactiveLearners;
import dev.stride.roadmap.retention.RetentionSettings;
import dev.stride.roadmap.subscription.SubscriptionView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What the manage page warns a learner of, with its dates in their language on their plan's wall calendar. */
@ApplicationScoped
public class ManageNotices {

    /** Emails stopped because the address refused delivery for good; told in the page's language, the learner's. */
    public record DeliveryStopped(String email, String reason, String since, String roadmapUrl) {
    }

    /** A paused learner is erased on {@code date} unless they resume first: {@code days} after the pause began. */
    public record PausedErasure(String date, long days) {
    }

    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_DE = DateTimeFormatter.ofPattern("d. MMMM uuuu", Locale.GERMAN);

    private final Links links;
    private final InactiveLearners inactive;
    private final RetentionSettings retention;

    public ManageNotices(Links links, InactiveLearners inactive, RetentionSettings retention) {
        this.links = links;
        this.inactive = inactive;
        this.retention = retention;
    }

    /** Null while the address takes mail. */
    DeliveryStopped deliveryStopped(SubscriptionView view, Locale locale) {
        if (view.bounce() == null) {
            return null;
        }
        return new DeliveryStopped(view.email(), view.bounce().reason(), date(view.bounce().at(), view, locale), links.roadmapUrl(view.roadmapId()));
    }

    /** While paused: the day retention erases the learner unless they resume (null while anything of theirs runs). */
    PausedErasure pausedErasure(SubscriptionView view, Locale locale) {
        if (!"PAUSED".equals(view.status())) {
            return null;
        }
        return pausedErasureDay(view.id(), ZoneId.of(view.plan().timeZone()), locale)
                .map(day -> new PausedErasure(day, retention.pausedLearners().toDays())).orElse(null);
    }

    /** The day a paused learner is erased unless they resume, as the pages write it; empty while anything of theirs runs. */
    Optional<String> pausedErasureDay(UUID subscriptionId, ZoneId zone, Locale locale) {
        return inactive.pausedErasure(subscriptionId).map(at -> date(at, zone, locale));
    }

    private static String date(Instant at, SubscriptionView view, Locale locale) {
        return date(at, ZoneId.of(view.plan().timeZone()), locale);
    }

    private static String date(Instant at, ZoneId zone, Locale locale) {
        return ("de".equals(locale.getLanguage()) ? DATE_DE : DATE_EN).format(at.atZone(zone));
    }
}
