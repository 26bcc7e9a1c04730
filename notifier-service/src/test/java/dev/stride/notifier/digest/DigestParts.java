package dev.stride.notifier.digest;

import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.notifier.TestEvents;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** The parts of one learner's weekly digest as the reminder publishes them: the same key, each a NudgeDue of its own roadmap. */
record DigestParts(String email, UUID key, int parts, String locale, String zone) {

    static DigestParts of(String emailPrefix, int parts) {
        return new DigestParts(TestEvents.uniqueEmail(emailPrefix), UUID.randomUUID(), parts, "en", "America/New_York");
    }

    DigestParts inGerman() {
        return new DigestParts(email, key, parts, "de", "Europe/Berlin");
    }

    /** A weekly nudge of its own subscription for {@code roadmapTitle}, its Tuesday session at {@code tuesdayStartMinute}. */
    EventEnvelope<NudgeDue> part(String roadmapTitle, String focusTitle, int tuesdayStartMinute) {
        TestEvents.Nudge nudge = new TestEvents.Nudge(UUID.randomUUID(), UUID.randomUUID(), email, "Ada", locale, zone, focusTitle,
                NudgeDue.Kind.WEEKLY, false, -90, tuesdayStartMinute);
        NudgeDue n = nudge.build();
        NudgeDue part = new NudgeDue(n.nudgeId(), n.subscriptionId(), n.kind(), n.learner(), n.zone(), n.roadmapId(), roadmapTitle,
                n.weekNumber(), n.weekStart(), n.weekEnd(), n.dueAt(), n.sessions(), n.focus(), n.progress(), n.aheadMinutes(),
                n.projectedFinish(), n.streakWeeks(), n.cadence(), n.links(), new NudgeDue.Digest(key, parts));
        return TestEvents.envelope(n.subscriptionId(), part);
    }

    String messageId() {
        return "<" + Digests.emailId(key) + "@stride.dev>";
    }

    /** The hold, plus the check interval and a margin: a digest held for its missing parts has gone by then. */
    static Duration holdWindow() {
        var config = ConfigProvider.getConfig();
        return config.getValue("stride.mail.digest.hold", Duration.class)
                .plus(config.getValue("stride.mail.digest.check-every", Duration.class))
                .plusSeconds(2);
    }

    static Duration hold() {
        return ConfigProvider.getConfig().getValue("stride.mail.digest.hold", Duration.class);
    }
}
