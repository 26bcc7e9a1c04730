package dev.stride.bench.faults;

import dev.stride.bench.burst.BurstSeeder;
import dev.stride.bench.dispatch.StrideFixture;
import dev.stride.bench.harness.StrideServices;
import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.Snoozed;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.pacing.ProgressState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What learners do between their nudge's due minute and its dispatch, as roadmap-service's events: a cohort each marks
 * a milestone done, changes the plan (both still get this week's email, with the new state), skips this week, snoozes
 * over the due date, pauses, or unsubscribes (these four get none). Learner {@code i} is at index {@code i - 1}.
 */
final class LearnerActions {

    enum Action {
        DONE(true), PLAN_CHANGE(true), SKIP(false), SNOOZE(false), PAUSE(false), UNSUBSCRIBE(false);

        final boolean stillEmailed;

        Action(boolean stillEmailed) {
            this.stillEmailed = stillEmailed;
        }
    }

    private final List<UUID> ids;
    private final int cohort;

    LearnerActions(List<UUID> ids) {
        this.ids = ids;
        this.cohort = Math.max(5, ids.size() / 50);
    }

    /** The action learner {@code i} (1-based) takes, if any. */
    Action actionOf(int i) {
        int index = (i - 1) / cohort;
        return index < Action.values().length ? Action.values()[index] : null;
    }

    /** The learners (1-based) who should get no email this week. */
    Set<Integer> notEmailed() {
        Set<Integer> none = new HashSet<>();
        for (int i = 1; i <= ids.size(); i++) {
            Action action = actionOf(i);
            if (action != null && !action.stillEmailed) {
                none.add(i);
            }
        }
        return none;
    }

    /** Sends every cohort's action for the week starting {@code week}, whose nudge is due at {@code due}. */
    int send(String bootstrapServers, LocalDate week, Instant due) {
        Clock clock = Clock.fixed(due.plusSeconds(30), java.time.ZoneOffset.UTC);
        LocalDate dueDate = due.atZone(StrideFixture.PLAN.zone()).toLocalDate();
        Map<Action, Function<UUID, DomainEvent>> events = Map.of(
                Action.DONE, id -> new MilestoneProgressed(id, "m1", ProgressState.DONE, dueDate, clock.instant(), null),
                Action.PLAN_CHANGE, id -> new PlanChanged(id, StrideFixture.PLAN, null),
                Action.SKIP, id -> new WeekSkipped(id, week),
                Action.SNOOZE, id -> new Snoozed(id, dueDate.minusDays(1), dueDate.plusDays(2), 3),
                Action.PAUSE, id -> new Paused(id, dueDate),
                Action.UNSUBSCRIBE, id -> new Unsubscribed(id, new Learner(BurstSeeder.address(ids.indexOf(id) + 1), "Learner", "en"),
                        StrideFixture.ROADMAP_ID, "AI/ML engineer (benchmark)", StrideServices.PUBLIC_BASE_URL + "/roadmaps/" + StrideFixture.ROADMAP_ID,
                        clock.instant(), null));
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= ids.size(); i++) {
                Action action = actionOf(i);
                if (action != null) {
                    UUID id = ids.get(i - 1);
                    BurstSeeder.send(producer, Topics.SUBSCRIPTION_EVENTS, id.toString(), events.get(action).apply(id), clock);
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }
}
