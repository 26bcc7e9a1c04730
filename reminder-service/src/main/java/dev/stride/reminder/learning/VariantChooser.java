package dev.stride.reminder.learning;

import dev.stride.contracts.consumer.AfterCommit;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.learning.Choice;
import dev.stride.contracts.learning.Eligibility;
import dev.stride.contracts.learning.Holdout;
import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.Posterior;
import dev.stride.contracts.learning.RecoveringPenalty;
import dev.stride.contracts.learning.ThompsonPolicy;
import dev.stride.reminder.projection.Projections;
import dev.stride.reminder.projection.SubscriptionProjection;
import dev.stride.reminder.scheduling.Nudge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the content strategy of each weekly nudge of a dispatch batch and puts it on the NudgeDue; the ledger writes it on
 * the row with the mark-sent statement ({@code SentMarks}), after Kafka acknowledged the record. Learning off (globally or
 * for the roadmap) gives the default with {@code LEARNING_OFF}; a learner who opted out of measurement {@code OPTED_OUT};
 * one in the holdout {@code HOLDOUT}; everyone else Thompson sampling over the eligible strategies, with the roadmap's
 * posteriors for the learner's state and the recovering penalty of what this learner got lately. Two queries per batch
 * whatever its size (posteriors of its roadmaps, the last week each strategy went to each of its subscriptions), none when
 * nothing is sampled; no write.
 *
 * <p>Each nudge's draws come from a generator seeded with its nudge id, so a row claimed again after its lease (the
 * dispatcher died between publishing and marking) is given the choice it was given the first time, without a write before
 * publishing: the same id, posteriors and history give the same draws. Only an outcome or a send to the same learner
 * landing within that lease can change the inputs, and then the second choice is dropped with the record (the notifier
 * and the nudge log keep the first by its nudge id), so what learns is still what was sent.
 */
@ApplicationScoped
public class VariantChooser {

    /** A built nudge of the batch, its ledger row (read for a choice an older version wrote before publishing) and its subscription. */
    public record Candidate(Nudge nudge, SubscriptionProjection subscription, NudgeDue due) {
    }

    private final EntityManager em;
    private final Posteriors posteriors;
    private final LearningSettings settings;
    private final ThompsonPolicy policy;
    private final MeterRegistry registry;
    private final Map<String, Counter> chosen = new ConcurrentHashMap<>();

    private final TransactionSynchronizationRegistry transactions;

    public VariantChooser(EntityManager em, Posteriors posteriors, LearningSettings settings, MeterRegistry registry,
                          TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
        this.posteriors = posteriors;
        this.settings = settings;
        this.policy = new ThompsonPolicy(new RecoveringPenalty(settings.recovering().strength(), settings.recovering().halfLifeWeeks()));
        this.registry = registry;
    }

    /** The batch's nudges in the same order, each weekly one with its variant. */
    public List<NudgeDue> choose(List<Candidate> batch) {
        List<Candidate> sampled = batch.stream().filter(c -> weekly(c) && c.nudge().variant == null && defaultReason(c) == null).toList();
        Map<Posteriors.Key, Map<NudgeVariant, Posterior>> known = sampled.isEmpty() ? Map.of()
                : posteriors.of(sampled.stream().map(c -> c.due().roadmapId()).distinct().toList());
        Map<UUID, Map<NudgeVariant, java.time.LocalDate>> lastSent = lastSent(sampled.stream().map(c -> c.nudge().key.subscriptionId()).distinct().toList());
        List<NudgeDue> out = new ArrayList<>(batch.size());
        for (Candidate candidate : batch) {
            out.add(weekly(candidate) ? candidate.due().withVariant(variantOf(candidate, known, lastSent)) : candidate.due());
        }
        return out;
    }

    /** Counts the variants of weekly nudges marked sent, once the marks are committed (AfterCommit). */
    public void sent(List<NudgeDue> marked) {
        Map<Counter, Integer> counts = new HashMap<>();
        for (NudgeDue due : marked) {
            NudgeDue.Variant variant = due.variant();
            if (variant != null) {
                Counter counter = chosen.computeIfAbsent(variant.id() + "/" + variant.reason(), tags -> Counter.builder("stride.nudge.variants")
                        .description("Variants of the weekly nudges sent, by variant and reason")
                        .tag("variant", variant.id()).tag("reason", variant.reason()).register(registry));
                counts.merge(counter, 1, Integer::sum);
            }
        }
        // One hook for the whole batch (up to a batch of marks), not one per nudge.
        if (!counts.isEmpty()) {
            AfterCommit.run(transactions, () -> counts.forEach(Counter::increment));
        }
    }

    private NudgeDue.Variant variantOf(Candidate candidate, Map<Posteriors.Key, Map<NudgeVariant, Posterior>> known,
                                       Map<UUID, Map<NudgeVariant, java.time.LocalDate>> lastSent) {
        Nudge nudge = candidate.nudge();
        if (nudge.variant != null) {
            // Written before publishing by a version before choices were written with the mark: kept.
            return new NudgeDue.Variant(nudge.variant, nudge.variantReason, Boolean.TRUE.equals(nudge.holdout));
        }
        NudgeState state = NudgeState.of(candidate.due());
        NudgeVariant.Reason off = defaultReason(candidate);
        Choice choice = off != null ? new Choice(NudgeVariant.NEXT_STEP, off, Map.of())
                : sample(state, known.getOrDefault(new Posteriors.Key(candidate.due().roadmapId(), state.context()), Map.of()),
                lastSent.getOrDefault(nudge.key.subscriptionId(), Map.of()), nudge.key.weekStart(), draws(nudge.nudgeId));
        return new NudgeDue.Variant(choice.variant().id(), choice.reason().name(), choice.reason() == NudgeVariant.Reason.HOLDOUT);
    }

    /** The draws of one nudge: the same for every claim of its row (see the class comment). */
    static UniformRandomProvider draws(UUID nudgeId) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {nudgeId.getMostSignificantBits(), nudgeId.getLeastSignificantBits()});
    }

    private Choice sample(NudgeState state, Map<NudgeVariant, Posterior> known, Map<NudgeVariant, java.time.LocalDate> sent,
                          java.time.LocalDate weekStart, UniformRandomProvider random) {
        Set<NudgeVariant> eligible = Eligibility.of(state);
        Map<NudgeVariant, Posterior> posterior = new EnumMap<>(NudgeVariant.class);
        Map<NudgeVariant, Integer> weeksSince = new EnumMap<>(NudgeVariant.class);
        for (NudgeVariant variant : eligible) {
            posterior.put(variant, known.getOrDefault(variant, Posterior.PRIOR));
            java.time.LocalDate last = sent.get(variant);
            if (last != null) {
                weeksSince.put(variant, Math.toIntExact(Math.max(0, ChronoUnit.WEEKS.between(last, weekStart))));
            }
        }
        return policy.choose(eligible, posterior, weeksSince, random);
    }

    /** The reason this nudge gets the default without sampling, or null when it is sampled. */
    private NudgeVariant.Reason defaultReason(Candidate candidate) {
        if (!settings.onFor(candidate.due().roadmapId())) {
            return NudgeVariant.Reason.LEARNING_OFF;
        }
        if (!candidate.subscription().measured) {
            return NudgeVariant.Reason.OPTED_OUT;
        }
        return Holdout.contains(candidate.subscription().subscriptionId, settings.holdoutShare()) ? NudgeVariant.Reason.HOLDOUT : null;
    }

    private static boolean weekly(Candidate candidate) {
        return candidate.due().kind() == NudgeDue.Kind.WEEKLY;
    }

    /** The week each strategy was last sent to each of these subscriptions, in one query. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Map<NudgeVariant, java.time.LocalDate>> lastSent(List<UUID> subscriptionIds) {
        Map<UUID, Map<NudgeVariant, java.time.LocalDate>> last = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return last;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT subscription_id, variant, max(week_start) FROM nudge
                        WHERE subscription_id IN (?1) AND status = 'SENT' AND variant IS NOT NULL GROUP BY subscription_id, variant""")
                .setParameter(1, subscriptionIds).getResultList();
        for (Object[] row : rows) {
            NudgeVariant.byId((String) row[1]).ifPresent(variant -> last.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(NudgeVariant.class))
                    .put(variant, Projections.date(row[2])));
        }
        return last;
    }
}
