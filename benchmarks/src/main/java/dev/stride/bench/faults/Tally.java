package dev.stride.bench.faults;

import dev.stride.bench.burst.BurstSeeder;
import dev.stride.infra.mail.StoredMail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts one scenario from what the SMTP server accepted. Per learner (one subscription each, so one subscription-week):
 * lost (should have had an email, got none), duplicated (more than one), and of those the duplicates inside the SMTP
 * acceptance window of a hard-killed notifier (first copy accepted within {@link #WINDOW} before a kill, same Message-ID);
 * wrongly sent (an email to a learner whose action ruled the week out). Learners refused for good by the server (5xx)
 * are not counted as lost.
 */
public record Tally(int expected, int lost, int duplicated, List<Long> windowGapsMs, int messageIdDuplicates, int wronglySent, int refused) {

    /** A duplicate whose first copy was accepted this close before a notifier kill is the protocol's window, not a defect. */
    static final Duration WINDOW = Duration.ofSeconds(1);

    static Tally of(int n, List<StoredMail> mails, Set<Integer> notEmailed, Set<Integer> refused, List<Instant> notifierKills) {
        Map<String, List<StoredMail>> byRecipient = new HashMap<>();
        Map<String, Integer> byMessageId = new HashMap<>();
        for (StoredMail mail : nudges(mails)) {
            mail.envelopeTo().forEach(to -> byRecipient.computeIfAbsent(to.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(mail));
            byMessageId.merge(messageId(mail), 1, Integer::sum);
        }
        int expected = 0;
        int lost = 0;
        int duplicated = 0;
        int wrong = 0;
        int refusedCount = 0;
        List<Long> windowGaps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<StoredMail> received = byRecipient.getOrDefault(BurstSeeder.address(i), List.of());
            if (notEmailed.contains(i)) {
                wrong += received.isEmpty() ? 0 : 1;
                continue;
            }
            if (refused.contains(i) && received.isEmpty()) {
                refusedCount++;
                continue;
            }
            expected++;
            lost += received.isEmpty() ? 1 : 0;
            if (received.size() > 1) {
                Long gap = windowGap(received, notifierKills);
                if (gap != null) {
                    windowGaps.add(gap);
                } else {
                    duplicated++;
                }
            }
        }
        int messageIdDuplicates = (int) byMessageId.values().stream().filter(count -> count > 1).count();
        return new Tally(expected, lost, duplicated, windowGaps, messageIdDuplicates, wrong, refusedCount);
    }

    /** Milliseconds from the first copy's acceptance to the next notifier kill, when the copies are two of one message inside the window. */
    private static Long windowGap(List<StoredMail> received, List<Instant> kills) {
        List<StoredMail> sorted = received.stream().sorted(Comparator.comparing(StoredMail::receivedAt)).toList();
        if (sorted.size() != 2 || !messageId(sorted.get(0)).equals(messageId(sorted.get(1)))) {
            return null;
        }
        Instant first = sorted.get(0).receivedAt();
        return kills.stream().filter(kill -> !kill.isBefore(first)).map(kill -> Duration.between(first, kill))
                .filter(gap -> gap.compareTo(WINDOW) <= 0).map(Duration::toMillis).min(Long::compare).orElse(null);
    }

    /** The weekly nudges among the mails: an unsubscribe is confirmed by a goodbye email, which is not a nudge (the learners write English). */
    static List<StoredMail> nudges(List<StoredMail> mails) {
        return mails.stream().filter(mail -> !mail.subject().startsWith("You have unsubscribed")).toList();
    }

    static String messageId(StoredMail mail) {
        try {
            String id = mail.parse().getMessageID();
            return id == null ? "none-" + mail.id() : id;
        } catch (jakarta.mail.MessagingException e) {
            return "unreadable-" + mail.id();
        }
    }
}
