package dev.stride.notifier.mail;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.notifier.TestEvents;
import io.quarkus.arc.Arc;
import io.vertx.ext.mail.MailMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Composing one nudge email as the sender does it ({@link EmailComposer#compose}: the real Quarkus-built templates,
 * message bundles and calendar, with the calendar's SEQUENCE upserts in PostgreSQL), and its parts on their own, so the
 * figure shows where the time goes. Runs inside the Quarkus test application: {@link RenderBenchmarkRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {

    private static final UUID EMAIL_ID = UUID.fromString("00000000-0000-4000-8000-00000000e3a1");

    private EmailComposer composer;
    private WeekCalendar calendar;
    private Languages languages;
    private NudgeDue nudge;
    private EventEnvelope<NudgeDue> nudgeEnvelope;
    private String nudgePayload;
    private String digestPayload;
    private Texts texts;
    private Views.Weekly view;

    @Setup
    public void beans() {
        composer = Arc.container().instance(EmailComposer.class).get();
        calendar = Arc.container().instance(WeekCalendar.class).get();
        languages = Arc.container().instance(Languages.class).get();
        nudge = RenderFixture.weekly(TestEvents.FUNCTIONS, 18 * 60);
        nudgePayload = RenderFixture.payload(nudge);
        @SuppressWarnings("unchecked")
        EventEnvelope<NudgeDue> decoded = (EventEnvelope<NudgeDue>) StrideEvents.CODEC.decode(nudgePayload.getBytes(StandardCharsets.UTF_8));
        nudgeEnvelope = decoded;
        digestPayload = RenderFixture.digestPayload();
        texts = languages.of(nudge.learner().locale());
        view = NudgeViews.weekly(nudge, texts, true);
    }

    /** The whole weekly email: decode, texts, calendar (three SEQUENCE upserts), view, text and HTML, headers. */
    @Benchmark
    public EmailComposer.ComposedEmail composeNudge() {
        return composer.compose(EMAIL_ID, EmailKind.NUDGE, RenderFixture.ADDRESS, nudgePayload);
    }

    /** A weekly digest of two roadmaps' nudges: both decoded, one merged calendar, one email. */
    @Benchmark
    public EmailComposer.ComposedEmail composeDigest() {
        return composer.compose(EMAIL_ID, EmailKind.NUDGE, RenderFixture.ADDRESS, digestPayload);
    }

    /** The ledger payload back into the NudgeDue, as compose does first. */
    @Benchmark
    public Object decodePayload() {
        return StrideEvents.CODEC.decode(nudgePayload.getBytes(StandardCharsets.UTF_8));
    }

    /** The learner's message bundles, looked up per email. */
    @Benchmark
    public Texts texts() {
        return languages.of(nudge.learner().locale());
    }

    /** The week's iCalendar attachment alone (ical4j; its SEQUENCE is the nudge's build time, no database). */
    @Benchmark
    public Optional<byte[]> calendarPart() {
        return calendar.of(nudgeEnvelope, texts);
    }

    /** The view and both Qute renders (text and HTML part), nothing else. */
    @Benchmark
    public MailMessage viewAndBody() {
        MailMessage mail = new MailMessage();
        Views.Weekly weekly = NudgeViews.weekly(nudge, texts, true);
        EmailComposer.body(mail, () -> Emails.Templates.weeklyNudge(weekly), texts);
        return mail;
    }

    /** Both Qute renders of a prepared view. */
    @Benchmark
    public MailMessage body() {
        MailMessage mail = new MailMessage();
        EmailComposer.body(mail, () -> Emails.Templates.weeklyNudge(view), texts);
        return mail;
    }
}
