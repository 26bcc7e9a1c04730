package dev.stride.notifier.mail;

import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.pacing.WeeklyPlan;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a ledger entry (the email's kind and the event it comes from) into the message to send: subject, text
 * and HTML parts from the Qute templates in the learner's language, headers, and the calendar for a nudge.
 */
@ApplicationScoped
public class EmailComposer {

    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";

    private final Languages languages;
    private final WeekCalendar calendar;
    private final MailSettings settings;

    public EmailComposer(Languages languages, WeekCalendar calendar, MailSettings settings) {
        this.languages = languages;
        this.calendar = calendar;
        this.settings = settings;
    }

    public record ComposedEmail(Mail mail, String messageId) {
    }

    public ComposedEmail compose(UUID emailId, EmailKind kind, String recipient, String payload) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(payload.getBytes(StandardCharsets.UTF_8));
        String messageId = MailHeaders.messageId(emailId, settings.messageIdDomain());
        Mail mail = new Mail().addTo(MailHeaders.address(recipient));
        mail.addHeader("Message-ID", messageId);
        settings.replyTo().map(MailHeaders::text).filter(replyTo -> !replyTo.isEmpty()).ifPresent(mail::setReplyTo);
        switch (kind) {
            case NUDGE -> nudge(mail, (NudgeDue) envelope.data());
            case CONFIRMATION -> confirmation(mail, (SubscriptionRequested) envelope.data());
            case GOODBYE -> goodbye(mail, (Unsubscribed) envelope.data());
            default -> throw new IllegalArgumentException("no email for " + kind);
        }
        return new ComposedEmail(mail, messageId);
    }

    private void nudge(Mail mail, NudgeDue nudge) {
        Texts texts = languages.of(nudge.learner().locale());
        boolean completed = nudge.kind() == NudgeDue.Kind.COMPLETED;
        Optional<byte[]> ics = completed ? Optional.empty() : calendar.of(nudge, texts);
        Views.Weekly view = NudgeViews.weekly(nudge, texts, ics.isPresent());
        if (completed) {
            mail.setSubject(MailHeaders.text(texts.msg().subjectCompleted(nudge.roadmapTitle())));
            body(mail, () -> Emails.Templates.completed(view), texts);
        } else if (nudge.kind() == NudgeDue.Kind.WELCOME) {
            mail.setSubject(MailHeaders.text(texts.msg().subjectWelcome(nudge.roadmapTitle())));
            body(mail, () -> Emails.Templates.weeklyNudge(view), texts);
        } else {
            mail.setSubject(MailHeaders.text(texts.msg().subjectWeekly(nudge.weekNumber(), topic(nudge, texts))));
            body(mail, () -> Emails.Templates.weeklyNudge(view), texts);
        }
        ics.ifPresent(bytes -> mail.addAttachment(WeekCalendar.FILE_NAME, bytes, WeekCalendar.CONTENT_TYPE));
        String unsubscribe = view.links().unsubscribe();
        if (unsubscribe != null) {
            // RFC 8058: the one-click POST target; mail clients show their own "unsubscribe" button for it.
            mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mail.addHeader("List-Unsubscribe-Post", LIST_UNSUBSCRIBE_POST);
        }
    }

    private void confirmation(Mail mail, SubscriptionRequested requested) {
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

    private void goodbye(Mail mail, Unsubscribed unsubscribed) {
        Learner learner = unsubscribed.learner();
        Texts texts = languages.of(learner.locale());
        Views.Goodbye view = new Views.Goodbye(NudgeViews.name(learner), learner.email(), unsubscribed.roadmapTitle(),
                MailHeaders.url(unsubscribed.resubscribeUrl()));
        mail.setSubject(MailHeaders.text(texts.msg().subjectGoodbye(unsubscribed.roadmapTitle())));
        body(mail, () -> Emails.Templates.goodbye(view), texts);
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
    private static void body(Mail mail, Supplier<TemplateInstance> template, Texts texts) {
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
