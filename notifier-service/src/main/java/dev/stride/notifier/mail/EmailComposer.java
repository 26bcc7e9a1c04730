package dev.stride.notifier.mail;

import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.UnreadableEventException;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.pacing.WeeklyPlan;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a ledger entry (the email's kind and the event it comes from) into the message to send: subject, text
 * and HTML parts from the Qute templates in the learner's language, headers, and the calendar for a nudge or a weekly
 * digest (a ledger entry whose payload is {@link DigestPayload}: several nudges, one email).
 */
@ApplicationScoped
public class EmailComposer {

    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";

    private final Languages languages;
    private final WeekCalendar calendar;
    private final MailSettings settings;
    private final OwnLinks ownLinks;

    public EmailComposer(Languages languages, WeekCalendar calendar, MailSettings settings, OwnLinks ownLinks) {
        this.ownLinks = ownLinks;
        this.languages = languages;
        this.calendar = calendar;
        this.settings = settings;
    }

    /**
     * The client's message: To, Subject, Message-ID and the rest; never a Cc or Bcc, so no empty header. {@code dueAt}:
     * when a nudge was due (a digest: its earliest part), for the delivery SLO; null for every other email.
     */
    public record ComposedEmail(MailMessage mail, String messageId, Instant dueAt) {
    }

    public ComposedEmail compose(UUID emailId, EmailKind kind, String recipient, String payload) {
        String messageId = MailHeaders.messageId(emailId, settings.messageIdDomain());
        MailMessage mail = new MailMessage().setTo(MailHeaders.address(recipient));
        mail.addHeader("Message-ID", messageId);
        settings.replyTo().map(MailHeaders::text).filter(replyTo -> !replyTo.isEmpty()).ifPresent(replyTo -> mail.addHeader("Reply-To", replyTo));
        if (kind == EmailKind.NUDGE && DigestPayload.isDigest(payload)) {
            List<EventEnvelope<NudgeDue>> parts = DigestPayload.read(payload);
            digest(mail, parts);
            return new ComposedEmail(mail, messageId, parts.stream().map(part -> part.data().dueAt()).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null));
        }
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(payload.getBytes(StandardCharsets.UTF_8));
        switch (kind) {
            case NUDGE -> nudge(mail, envelope.as(NudgeDue.class).orElseThrow(
                    () -> new UnreadableEventException("a NUDGE email's payload is a " + envelope.type() + ", not a NudgeDue")));
            case CONFIRMATION -> confirmation(mail, (SubscriptionRequested) envelope.data());
            case GOODBYE -> goodbye(mail, (Unsubscribed) envelope.data());
            case SIGN_IN -> signIn(mail, (SignInRequested) envelope.data(), envelope.occurredAt());
            case ADDRESS_CHANGE -> addressChange(mail, (AddressChangeRequested) envelope.data(), envelope.occurredAt());
        }
        return new ComposedEmail(mail, messageId, envelope.data() instanceof NudgeDue nudge ? nudge.dueAt() : null);
    }

    private void nudge(MailMessage mail, EventEnvelope<NudgeDue> envelope) {
        NudgeDue nudge = envelope.data();
        Texts texts = languages.of(nudge.learner().locale());
        boolean completed = nudge.kind() == NudgeDue.Kind.COMPLETED;
        Optional<byte[]> ics = completed ? Optional.empty() : calendar.of(envelope, texts);
        Views.Weekly view = NudgeViews.weekly(nudge, texts, ics.isPresent());
        if (completed) {
            mail.setSubject(MailHeaders.text(texts.msg().subjectCompleted(nudge.roadmapTitle())));
            body(mail, () -> Emails.Templates.completed(view), texts);
        } else if (nudge.kind() == NudgeDue.Kind.WELCOME) {
            mail.setSubject(MailHeaders.text(texts.msg().subjectWelcome(nudge.roadmapTitle())));
            body(mail, () -> Emails.Templates.weeklyNudge(view), texts);
        } else {
            mail.setSubject(MailHeaders.text(NudgeLeads.subject(nudge, topic(nudge, texts), texts)));
            body(mail, () -> Emails.Templates.weeklyNudge(view), texts);
        }
        attachCalendar(mail, ics);
        listUnsubscribe(mail, view.links().unsubscribe());
    }

    /**
     * One email for a learner's week across roadmaps, in the first part's language: all sessions in date order, one
     * section per roadmap, one calendar with every session. Its one-click unsubscribe stops all of the learner's emails
     * (the digest is all of them); a digest the hold sent with one part is that roadmap's own weekly email.
     */
    private void digest(MailMessage mail, List<EventEnvelope<NudgeDue>> envelopes) {
        if (envelopes.size() == 1) {
            nudge(mail, envelopes.get(0));
            return;
        }
        List<NudgeDue> parts = envelopes.stream().map(EventEnvelope::data).toList();
        Texts texts = languages.of(parts.get(0).learner().locale());
        Optional<byte[]> ics = calendar.of(envelopes, texts);
        String stopAll = parts.stream().map(part -> part.links() == null ? null : MailHeaders.url(part.links().unsubscribe()))
                .map(ownLinks::stopAll).flatMap(Optional::stream).findFirst().orElse(null);
        Views.Digest view = NudgeViews.digest(parts, texts, ics.isPresent(), stopAll);
        mail.setSubject(MailHeaders.text(texts.msg().subjectDigest(parts.size())));
        body(mail, () -> Emails.Templates.weeklyDigest(view), texts);
        attachCalendar(mail, ics);
        listUnsubscribe(mail, stopAll);
    }

    private static void attachCalendar(MailMessage mail, Optional<byte[]> ics) {
        ics.ifPresent(bytes -> mail.setAttachment(MailAttachment.create().setName(WeekCalendar.FILE_NAME)
                .setContentType(WeekCalendar.CONTENT_TYPE).setDisposition("attachment").setData(Buffer.buffer(bytes))));
    }

    /** RFC 8058: the one-click POST target; mail clients show their own "unsubscribe" button for it. None without a link. */
    private static void listUnsubscribe(MailMessage mail, String oneClick) {
        if (oneClick != null) {
            mail.addHeader("List-Unsubscribe", "<" + oneClick + ">");
            mail.addHeader("List-Unsubscribe-Post", LIST_UNSUBSCRIBE_POST);
        }
    }

    private void confirmation(MailMessage mail, SubscriptionRequested requested) {
        Texts texts = languages.of(requested.learner().locale());
        WeeklyPlan plan = requested.plan();
        List<Views.Slot> slots = plan == null ? List.of() : plan.slots().stream()
                .map(slot -> new Views.Slot(texts.weekday(slot.day()), texts.time(slot.start()), texts.duration(slot.minutes())))
                .toList();
        Views.Confirmation view = new Views.Confirmation(
                requested.learner().email(), requested.roadmapTitle(), MailHeaders.url(requested.confirmUrl()),
                MailHeaders.url(requested.manageUrl()), MailHeaders.url(requested.notMeUrl()),
                plan == null ? "" : texts.weekday(plan.nudge().day()),
                plan == null ? "" : texts.time(plan.nudge().time()),
                plan == null ? "" : plan.zone().getId(),
                slots,
                requested.startDate() == null ? null : texts.date(requested.startDate()),
                requested.confirmBy() == null || plan == null ? null : texts.dateTime(requested.confirmBy(), plan.zone()));
        mail.setSubject(MailHeaders.text(requested.alreadyFollowing() ? texts.msg().subjectAlreadyFollowing(requested.roadmapTitle())
                : texts.msg().subjectConfirmation(requested.roadmapTitle())));
        body(mail, () -> Emails.Templates.confirmation(view), texts);
    }

    private void goodbye(MailMessage mail, Unsubscribed unsubscribed) {
        Learner learner = unsubscribed.learner();
        Texts texts = languages.of(learner.locale());
        Views.Goodbye view = new Views.Goodbye(NudgeViews.name(learner), learner.email(), unsubscribed.roadmapTitle(),
                MailHeaders.url(unsubscribed.resubscribeUrl()));
        mail.setSubject(MailHeaders.text(texts.msg().subjectGoodbye(unsubscribed.roadmapTitle())));
        body(mail, () -> Emails.Templates.goodbye(view), texts);
    }

    private void signIn(MailMessage mail, SignInRequested signIn, Instant sentAt) {
        Learner learner = signIn.learner();
        Texts texts = languages.of(learner.locale());
        Views.SignIn view = new Views.SignIn(NudgeViews.name(learner), learner.email(), MailHeaders.url(signIn.homeUrl()),
                validFor(sentAt, signIn.validUntil(), texts));
        mail.setSubject(MailHeaders.text(texts.msg().subjectSignIn()));
        body(mail, () -> Emails.Templates.signIn(view), texts);
    }

    private void addressChange(MailMessage mail, AddressChangeRequested change, Instant sentAt) {
        Texts texts = languages.of(change.learner() == null ? null : change.learner().locale());
        Views.AddressChange view = new Views.AddressChange(change.newAddress(), MailHeaders.url(change.verifyUrl()),
                validFor(sentAt, change.validUntil(), texts));
        mail.setSubject(MailHeaders.text(texts.msg().subjectAddressChange()));
        body(mail, () -> Emails.Templates.addressChange(view), texts);
    }

    /** How long a link works, from when it was sent ("30 min", "48 h"): no zone needed, and true wherever the learner is. */
    private static String validFor(Instant sentAt, Instant validUntil, Texts texts) {
        return validUntil == null ? null : texts.duration((int) Math.max(1, Duration.between(sentAt, validUntil).toMinutes()));
    }

    /** The subject's "what this week is about": the milestone(s) to finish, else the work in the sessions, else the roadmap. */
    private static String topic(NudgeDue nudge, Texts texts) {
        List<String> titles = nudge.focus() == null ? List.of() : nudge.focus().stream().map(NudgeDue.Focus::title).distinct().toList();
        if (titles.isEmpty() && nudge.sessions() != null) {
            titles = nudge.sessions().stream().flatMap(session -> session.work() == null ? java.util.stream.Stream.empty() : session.work().stream())
                    .map(NudgeDue.Work::milestoneTitle).distinct().collect(Collectors.toList());
        }
        if (titles.isEmpty()) {
            return nudge.roadmapTitle();
        }
        return titles.size() == 1 ? titles.get(0) : texts.msg().topicAndMore(titles.get(0), titles.size() - 1);
    }

    /** Renders both variants of one template: the text part and the HTML part of a multipart/alternative body. */
    static void body(MailMessage mail, Supplier<TemplateInstance> template, Texts texts) {
        mail.setText(render(template.get(), Variant.TEXT_PLAIN, texts));
        mail.setHtml(render(template.get(), Variant.TEXT_HTML, texts));
    }

    @SuppressWarnings("unchecked")
    private static String render(TemplateInstance instance, String contentType, Texts texts) {
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        Variant variant = variants.stream().filter(candidate -> contentType.equals(candidate.getContentType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + contentType + " variant of " + instance.getTemplate().getId()));
        return instance.setLocale(texts.locale()).setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }
}
