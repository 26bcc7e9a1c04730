package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.event.WeekUnskipped;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Weeks a learner takes off, each named by its Monday in the learner's zone: one week (from an email's skip link, which
 * names its week, or picked on the manage page), a skip taken back, or an away period, which skips every week it touches.
 * Only this week and later ones can change: a week that is over stays as it was.
 */
@ApplicationScoped
public class SkippedWeeks {

    /** The longest away period, in weeks: longer than this is a pause. */
    public static final int MAX_AWAY_WEEKS = 26;

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private final SubscriptionService subscriptions;
    private final Outbox outbox;
    private final Clock clock;

    public SkippedWeeks(SubscriptionService subscriptions, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Skips the week of {@code weekOf} (null: the current week). */
    @Transactional
    public Subscription skip(UUID subscriptionId, LocalDate weekOf) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        LocalDate week = weekOf == null ? thisWeek(subscription) : notOver(subscription, weekOf, "week");
        skip(subscription, week);
        return subscription;
    }

    /**
     * Skips exactly the week an email's skip link names, whenever it is clicked; a week already over is a 410 that says so.
     * Links signed before links named their week skip the week of the click.
     */
    @Transactional
    public Subscription skipFromLink(UUID subscriptionId, LocalDate linkWeek) {
        requireNotOver(subscriptionId, linkWeek);
        return skip(subscriptionId, linkWeek);
    }

    /** A 410 page's problem when the link's week is over; nothing when it has none or is still to come. */
    @Transactional
    public void requireNotOver(UUID subscriptionId, LocalDate linkWeek) {
        Subscription subscription = subscriptions.require(subscriptionId);
        if (linkWeek != null && mondayOf(linkWeek).isBefore(thisWeek(subscription))) {
            throw new ProblemException(Problem.of(410, "week-over", "That week is over",
                    "This link was for the week of " + label(mondayOf(linkWeek)) + ", which is over, so nothing was skipped. "
                            + "Skip a coming week from your plan's page, or with the link in your next email."));
        }
    }

    /** Takes a skip back: the week is planned and nudged again. Taking back a week not skipped changes nothing. */
    @Transactional
    public Subscription unskip(UUID subscriptionId, LocalDate weekOf) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        LocalDate week = notOver(subscription, weekOf, "week");
        if (subscription.skippedWeeks.remove(week)) {
            emit(subscription, new WeekUnskipped(subscriptionId, week));
        }
        return subscription;
    }

    /** Away from {@code from} to {@code to}, both days included: every week they touch is skipped. */
    @Transactional
    public Subscription away(UUID subscriptionId, LocalDate from, LocalDate to) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(subscription.zoneId()));
        if (from == null) {
            errors.add(FieldError.of("awayFrom", FieldErrorCode.AWAY_FROM_MISSING));
        } else if (from.isBefore(today)) {
            errors.add(FieldError.of("awayFrom", FieldErrorCode.TODAY_OR_LATER));
        }
        if (to == null) {
            errors.add(FieldError.of("awayTo", FieldErrorCode.AWAY_TO_MISSING));
        } else if (from != null && to.isBefore(from)) {
            errors.add(FieldError.of("awayTo", FieldErrorCode.AWAY_TO_BEFORE_FROM));
        } else if (from != null && mondayOf(to).isAfter(mondayOf(from).plusWeeks(MAX_AWAY_WEEKS - 1))) {
            errors.add(FieldError.of("awayTo", FieldErrorCode.AWAY_TOO_LONG, Map.of("weeks", MAX_AWAY_WEEKS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (LocalDate week = mondayOf(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            skip(subscription, week);
        }
        return subscription;
    }

    /** A week as a form offers it: its Monday (ISO date, the form value) and its label. */
    public record Week(String value, String label) {
        static Week of(LocalDate monday) {
            return new Week(monday.toString(), SkippedWeeks.label(monday));
        }

        /** The Monday itself, for a page that words it in its own language ({@code {week.monday.longDate}}). */
        public LocalDate monday() {
            return LocalDate.parse(value);
        }
    }

    /** The weeks a learner may still skip (this one and the {@code count - 1} after it, not skipped yet), and those skipped from this week on. */
    public record Overview(List<Week> skippable, List<Week> skipped) {
    }

    @Transactional
    public Overview overview(UUID subscriptionId, int count) {
        Subscription subscription = subscriptions.require(subscriptionId);
        LocalDate first = thisWeek(subscription);
        List<Week> skippable = java.util.stream.Stream.iterate(first, week -> week.plusWeeks(1)).limit(count)
                .filter(week -> !subscription.skippedWeeks.contains(week)).map(Week::of).toList();
        List<Week> skipped = subscription.skippedWeeks.tailSet(first).stream().map(Week::of).toList();
        return new Overview(skippable, skipped);
    }

    public LocalDate thisWeek(Subscription subscription) {
        return mondayOf(LocalDate.now(clock.withZone(subscription.zoneId())));
    }

    private void skip(Subscription subscription, LocalDate week) {
        if (subscription.skippedWeeks.add(week)) {
            emit(subscription, new WeekSkipped(subscription.id, week));
        }
    }

    private LocalDate notOver(Subscription subscription, LocalDate weekOf, String field) {
        if (weekOf == null) {
            throw ProblemException.invalid(field, "is required: a date in the week");
        }
        LocalDate week = mondayOf(weekOf);
        if (week.isBefore(thisWeek(subscription))) {
            throw ProblemException.invalid(field, "must be this week or a later one");
        }
        return week;
    }

    private void emit(Subscription subscription, DomainEvent event) {
        outbox.add(Topics.SUBSCRIPTION_EVENTS, subscription.id.toString(), event);
    }

    /** How pages name a week: by its Monday, "Monday 7 December 2026". */
    public static String label(LocalDate week) {
        return WEEK.format(mondayOf(week));
    }

    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
