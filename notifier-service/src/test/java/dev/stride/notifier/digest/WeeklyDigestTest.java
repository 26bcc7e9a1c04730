package dev.stride.notifier.digest;

import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import dev.stride.notifier.retention.RetentionJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Digest parts on the real broker become one email in the real SMTP server, once; a missing part is waited for only so long. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class WeeklyDigestTest {

    private static final String ML = "AI/ML engineer in 12 months";
    private static final String MATHS = "Linear algebra for data science";

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    RetentionJob retention;

    @Inject
    Clock clock;

    @Inject
    DigestHoldJob holdJob;

    @Test
    void twoPartsBecomeOneEmailWithBothRoadmapsBothSectionsLinksAndOneCalendar() throws Exception {
        double sentBefore = count("stride.digest.sent");
        DigestParts digest = DigestParts.of("digest", 2);
        EventEnvelope<NudgeDue> ml = digest.part(ML, TestEvents.FUNCTIONS, 18 * 60);
        EventEnvelope<NudgeDue> maths = digest.part(MATHS, "Vectors and matrices", 7 * 60);
        TestEvents.publishNudge(ml);
        TestEvents.publishNudge(maths);

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(digest.email(), 1).get(0);
        awaitNoMoreAfterTheHold(digest.email(), 1);

        assertThat(email.subject()).isEqualTo("Your Stride week: 2 roadmaps");
        assertThat(email.header("Message-ID")).isEqualTo(digest.messageId());
        assertThat(email.html()).contains("<html lang=\"en\">");
        assertThat(email.headerNames()).noneMatch(name -> name.equalsIgnoreCase("Cc") || name.equalsIgnoreCase("Bcc"));
        assertThat(email.headerNames()).allSatisfy(name -> assertThat(email.header(name)).as("value of header %s", name).isNotBlank());
        // One click stops every email of the learner (the digest is all of them): the stop-all page with an unsubscribe token.
        assertThat(email.header("List-Unsubscribe")).isIn("<https://stride.example/stop-all/" + ml.data().subscriptionId() + ">",
                "<https://stride.example/stop-all/" + maths.data().subscriptionId() + ">");
        assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        String text = email.text();
        assertThat(text).contains("Hi Ada,", "Here is your week across your 2 roadmaps", "This week",
                "“" + ML + "”, week 3", "“" + MATHS + "”, week 3",
                "Mark “Vectors and matrices” done: https://stride.example/actions/done-python-functions",
                "Mark “Python functions and file I/O” done", "7 of 34 milestones done (21%)", "At this pace you finish on February 14, 2028.",
                "Skip week 3: https://stride.example/actions/skip",
                "You are 1 h 30 min behind plan.", "Re-plan from today: https://stride.example/actions/replan");
        for (EventEnvelope<NudgeDue> part : List.of(ml, maths)) {
            UUID subscription = part.data().subscriptionId();
            assertThat(text).contains("Manage your plan: https://stride.example/manage/" + subscription,
                    "Unsubscribe from “" + part.data().roadmapTitle() + "”: https://stride.example/unsubscribe/" + subscription);
            assertThat(email.html()).contains("href=\"https://stride.example/manage/" + subscription + "\"",
                    "href=\"https://stride.example/unsubscribe/" + subscription + "\"");
        }
        // Every roadmap's sessions at the top, in date and time order, each naming its roadmap; then the sections.
        int mathsTuesday = text.indexOf("* Tuesday, March 9, 7:00 AM (1 h 30 min): " + MATHS);
        int mlTuesday = text.indexOf("* Tuesday, March 9, 6:00 PM (1 h 30 min): " + ML);
        int saturday = text.indexOf("* Saturday, March 13, 9:30 AM (2 h)");
        int firstSection = Math.min(text.indexOf("“" + ML + "”, week 3"), text.indexOf("“" + MATHS + "”, week 3"));
        assertThat(mathsTuesday).isNotNegative().isLessThan(mlTuesday);
        assertThat(mlTuesday).isLessThan(saturday);
        assertThat(saturday).isLessThan(firstSection);
        assertThat(text).contains("stop-all").contains("You receive this email because " + digest.email() + " follows 2 roadmaps on Stride");
        assertThat(email.html()).contains("Linear algebra for data science</div>", "Vectors and matrices");

        assertThat(email.attachments()).extracting(ReceivedEmail.Attachment::filename).containsExactly("week.ics");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(email.attachment("week.ics").content()));
        calendar.validate();
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).extracting(event -> event.getProperty(Property.UID).orElseThrow().getValue())
                .containsExactlyInAnyOrder(
                        ml.data().subscriptionId() + "-20270309T1800@stride.dev", ml.data().subscriptionId() + "-20270313T0930@stride.dev",
                        maths.data().subscriptionId() + "-20270309T0700@stride.dev", maths.data().subscriptionId() + "-20270313T0930@stride.dev");
        assertThat(count("stride.digest.sent") - sentBefore).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSamePartTwiceIsStillOneEmail() {
        double duplicatesBefore = registry.find("stride.delivery.duplicates").tag("kind", "NUDGE").counters().stream().mapToDouble(Counter::count).sum();
        DigestParts digest = DigestParts.of("digest-twice", 2);
        EventEnvelope<NudgeDue> ml = digest.part(ML, TestEvents.FUNCTIONS, 18 * 60);
        TestEvents.publishNudge(ml);
        TestEvents.publishNudge(ml);
        TestEvents.publishNudge(digest.part(MATHS, "Vectors and matrices", 7 * 60));
        TestEvents.publishNudge(ml);

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(digest.email(), 1).get(0);
        awaitNoMoreAfterTheHold(digest.email(), 1);
        assertThat(email.subject()).isEqualTo("Your Stride week: 2 roadmaps");
        assertThat(email.text()).containsOnlyOnce("“" + ML + "”, week 3");
        assertThat(registry.find("stride.delivery.duplicates").tag("kind", "NUDGE").counters().stream().mapToDouble(Counter::count).sum()
                - duplicatesBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMissingPartIsWaitedForOnlyUntilTheHoldAndALatePartGetsItsOwnEmail() {
        double incompleteBefore = count("stride.digest.sent.incomplete");
        DigestParts digest = DigestParts.of("digest-missing", 2);
        EventEnvelope<NudgeDue> ml = digest.part(ML, TestEvents.FUNCTIONS, 18 * 60);
        EventEnvelope<NudgeDue> maths = digest.part(MATHS, "Vectors and matrices", 7 * 60);
        Instant published = Instant.now();
        TestEvents.publishNudge(ml);

        await().atMost(Duration.ofSeconds(20)).until(() -> held(digest.key()) == 1);
        holdJob.run();
        assertThat(gauge()).as("parts held now").isGreaterThanOrEqualTo(1);

        ReceivedEmail alone = ReceivedEmail.awaitMessagesTo(digest.email(), 1).get(0);
        assertThat(Duration.between(published, Instant.now())).as("held for the missing part first").isGreaterThanOrEqualTo(DigestParts.hold());
        assertThat(alone.header("Message-ID")).isEqualTo(digest.messageId());
        // With one part it is that roadmap's own weekly email, and its one-click unsubscribe is that roadmap's.
        assertThat(alone.subject()).isEqualTo("Week 3: Python functions and file I/O");
        assertThat(alone.header("List-Unsubscribe")).isEqualTo("<https://stride.example/unsubscribe/" + ml.data().subscriptionId() + ">");
        assertThat(count("stride.digest.sent.incomplete") - incompleteBefore).isGreaterThanOrEqualTo(1);
        awaitNoMoreAfterTheHold(digest.email(), 1);

        TestEvents.publishNudge(maths);
        List<ReceivedEmail> both = ReceivedEmail.awaitMessagesTo(digest.email(), 2);
        ReceivedEmail late = both.stream().filter(email -> !email.header("Message-ID").equals(digest.messageId())).findFirst().orElseThrow();
        assertThat(late.header("Message-ID")).isEqualTo("<" + maths.data().nudgeId() + "@stride.dev>");
        assertThat(late.text()).contains("Here is your plan for week 3 of “" + MATHS + "”");
        TestEvents.publishNudge(maths);
        TestEvents.publishNudge(ml);
        awaitNoMoreAfterTheHold(digest.email(), 2);
    }

    @Test
    void aRoadmapLeftWhileItsPartWasHeldIsLeftOutOfTheDigest() {
        DigestParts digest = DigestParts.of("digest-left", 2);
        EventEnvelope<NudgeDue> ml = digest.part(ML, TestEvents.FUNCTIONS, 18 * 60);
        EventEnvelope<NudgeDue> maths = digest.part(MATHS, "Vectors and matrices", 7 * 60);
        TestEvents.publishNudge(ml);
        await().atMost(Duration.ofSeconds(20)).until(() -> held(digest.key()) == 1);
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(ml.data().subscriptionId(),
                TestEvents.unsubscribed(ml.data().subscriptionId(), digest.email())));
        ReceivedEmail.awaitMessagesTo(digest.email(), 1);
        TestEvents.publishNudge(maths);

        List<ReceivedEmail> received = ReceivedEmail.awaitMessagesTo(digest.email(), 2);
        awaitNoMoreAfterTheHold(digest.email(), 2);
        ReceivedEmail week = received.stream().filter(email -> digest.messageId().equals(email.header("Message-ID"))).findFirst().orElseThrow();
        assertThat(week.text()).contains("Here is your plan for week 3 of “" + MATHS + "”").doesNotContain(ML);
        assertThat(week.header("List-Unsubscribe")).isEqualTo("<https://stride.example/unsubscribe/" + maths.data().subscriptionId() + ">");
    }

    @Test
    void aGermanDigestIsGerman() {
        DigestParts digest = DigestParts.of("digest-de", 2).inGerman();
        TestEvents.publishNudge(digest.part(ML, "Dateien öffnen und Funktionen schreiben", 18 * 60));
        TestEvents.publishNudge(digest.part(MATHS, "Vektoren und Matrizen", 7 * 60));

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(digest.email(), 1).get(0);
        assertThat(email.subject()).isEqualTo("Deine Stride-Woche: 2 Roadmaps");
        assertThat(email.html()).contains("<html lang=\"de\">", "Diese Woche");
        assertThat(email.text()).contains("Hallo Ada,", "hier ist deine Woche mit deinen 2 Roadmaps", "„" + ML + "“, Woche 3",
                "„" + MATHS + "“, Woche 3", "* Dienstag, 9. März, 07:00 Uhr (1 Std. 30 Min.): " + MATHS, "Alle E-Mails von Stride beenden: ",
                "Von „" + MATHS + "“ abmelden: https://stride.example/unsubscribe/")
                .doesNotContain("Tuesday", "Hi Ada");
    }

    @Test
    void erasureDeletesHeldPartsAndRetentionRemovesSentDigests() {
        DigestParts digest = DigestParts.of("digest-erased", 2);
        EventEnvelope<NudgeDue> ml = digest.part(ML, TestEvents.FUNCTIONS, 18 * 60);
        TestEvents.publishNudge(ml);
        await().atMost(Duration.ofSeconds(20)).until(() -> held(digest.key()) == 1);

        TestEvents.publishSubscriptionEvent(TestEvents.envelope(ml.data().subscriptionId(),
                new LearnerErased(UUID.randomUUID(), Addresses.hash(digest.email()), List.of(ml.data().subscriptionId()), clock.instant())));
        await().atMost(Duration.ofSeconds(20)).until(() -> held(digest.key()) == 0);
        awaitNoMoreAfterTheHold(digest.email(), 0);

        UUID old = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        Instant monthAgo = clock.instant().minus(Duration.ofDays(31));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO digest (digest_key, parts, first_part_at, email_id, queued_at) VALUES (?1, 2, ?2, ?1, ?2)")
                    .setParameter(1, old).setParameter(2, monthAgo).executeUpdate();
            em.createNativeQuery("INSERT INTO digest_part (nudge_id, digest_key, subscription_id, recipient, payload, received_at)"
                    + " VALUES (?1, ?2, ?1, 'x@example.org', '{}', ?3)").setParameter(1, UUID.randomUUID()).setParameter(2, old)
                    .setParameter(3, monthAgo).executeUpdate();
            em.createNativeQuery("INSERT INTO digest (digest_key, parts, first_part_at) VALUES (?1, 2, ?2)")
                    .setParameter(1, waiting).setParameter(2, clock.instant().plus(Duration.ofDays(365))).executeUpdate();
        });
        assertThat(retention.run().get("digest")).isGreaterThanOrEqualTo(1);
        assertThat(rows("SELECT count(*) FROM digest_part WHERE digest_key = ?1", old)).as("parts go with their digest").isZero();
        assertThat(rows("SELECT count(*) FROM digest WHERE digest_key = ?1", waiting)).as("one still held stays").isOne();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM digest WHERE digest_key = ?1").setParameter(1, waiting).executeUpdate());
    }

    /** No more than {@code count} emails, watched past both the hold (a held digest) and the ledger's repeat window. */
    private static void awaitNoMoreAfterTheHold(String address, int count) {
        Duration window = DigestParts.holdWindow().compareTo(ReceivedEmail.repeatWindow()) > 0 ? DigestParts.holdWindow() : ReceivedEmail.repeatWindow();
        await().during(window).atMost(window.plusSeconds(30)).until(() -> ReceivedEmail.messagesTo(address).size() == count);
    }

    private long held(UUID key) {
        return rows("SELECT count(*) FROM digest_part p JOIN digest d ON d.digest_key = p.digest_key"
                + " WHERE p.digest_key = ?1 AND d.queued_at IS NULL", key);
    }

    private long rows(String sql, UUID key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, key).getSingleResult()).longValue());
    }

    private double count(String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge() {
        var gauge = registry.find("stride.digest.parts.held").gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
