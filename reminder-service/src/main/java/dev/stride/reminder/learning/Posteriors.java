package dev.stride.reminder.learning;

import dev.stride.contracts.event.NudgeOutcome;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.Posterior;
import dev.stride.contracts.logging.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The posteriors of the content strategies, per roadmap and learner state ({@code variant_posterior}): read for a whole
 * dispatch batch in one query, and updated from each {@link NudgeOutcome} with {@link Posterior#update} in the applying
 * transaction. A holdout outcome measures the lift of learning over the default and never updates a posterior.
 */
@ApplicationScoped
public class Posteriors {

    /** The learner state an outcome counts for when its nudge's ledger row is gone (retention) or has none. */
    static final String FALLBACK_CONTEXT = dev.stride.contracts.learning.NudgeState.ON_TRACK;

    private static final Logger LOG = Logger.getLogger(Posteriors.class);

    /** The posteriors of one roadmap in one learner state. */
    public record Key(String roadmapId, String context) {
    }

    private final EntityManager em;
    private final Clock clock;

    public Posteriors(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Every stored posterior of these roadmaps, in one query; a strategy without a row has the prior. */
    @SuppressWarnings("unchecked")
    public Map<Key, Map<NudgeVariant, Posterior>> of(Collection<String> roadmapIds) {
        Map<Key, Map<NudgeVariant, Posterior>> all = new HashMap<>();
        if (roadmapIds.isEmpty()) {
            return all;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT roadmap_id, context, variant, alpha, beta FROM variant_posterior WHERE roadmap_id IN (?1)")
                .setParameter(1, roadmapIds).getResultList();
        for (Object[] row : rows) {
            NudgeVariant.byId((String) row[2]).ifPresent(variant -> all
                    .computeIfAbsent(new Key((String) row[0], (String) row[1]), key -> new EnumMap<>(NudgeVariant.class))
                    .put(variant, new Posterior(((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue())));
        }
        return all;
    }

    /**
     * Applies an outcome: records its reward on the nudge's ledger row and, unless the nudge was in the holdout, updates the
     * posterior of (roadmap, the state the nudge was chosen in, its variant). An outcome of a nudge that already had one is
     * not applied again. Runs in the caller's transaction. Returns whether a posterior changed.
     */
    @SuppressWarnings("unchecked")
    public boolean apply(NudgeOutcome outcome) {
        // A nudge from before variants carried none: it had the default content.
        NudgeVariant variant = outcome.variant() == null ? NudgeVariant.NEXT_STEP : NudgeVariant.byId(outcome.variant()).orElse(null);
        List<Object[]> ledger = em.createNativeQuery("SELECT context, outcome_reward FROM nudge WHERE nudge_id = ?1 FOR UPDATE")
                .setParameter(1, outcome.nudgeId()).getResultList();
        String context = FALLBACK_CONTEXT;
        if (!ledger.isEmpty()) {
            if (ledger.get(0)[1] != null) {
                return false;
            }
            context = ledger.get(0)[0] == null ? FALLBACK_CONTEXT : (String) ledger.get(0)[0];
            em.createNativeQuery("UPDATE nudge SET outcome_reward = ?1 WHERE nudge_id = ?2")
                    .setParameter(1, outcome.reward()).setParameter(2, outcome.nudgeId()).executeUpdate();
        }
        if (outcome.holdout()) {
            return false;
        }
        if (variant == null) {
            try (LogContext ignored = LogContext.nudge(outcome.subscriptionId(), outcome.nudgeId())) {
                LOG.warnf("The outcome of nudge %s names the unknown variant %s; no posterior updated", outcome.nudgeId(), outcome.variant());
            }
            return false;
        }
        update(new Key(outcome.roadmapId(), context), variant, outcome.reward());
        return true;
    }

    /** Upsert from the prior, then the one update rule under the row's lock (outcomes of one roadmap arrive on any partition). */
    private void update(Key key, NudgeVariant variant, double reward) {
        em.createNativeQuery("""
                        INSERT INTO variant_posterior (roadmap_id, context, variant, alpha, beta, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, key.roadmapId()).setParameter(2, key.context()).setParameter(3, variant.id())
                .setParameter(4, Posterior.PRIOR.alpha()).setParameter(5, Posterior.PRIOR.beta()).setParameter(6, clock.instant()).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT alpha, beta FROM variant_posterior WHERE roadmap_id = ?1 AND context = ?2 AND variant = ?3 FOR UPDATE""")
                .setParameter(1, key.roadmapId()).setParameter(2, key.context()).setParameter(3, variant.id()).getSingleResult();
        Posterior updated = new Posterior(((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue()).update(reward);
        em.createNativeQuery("UPDATE variant_posterior SET alpha = ?1, beta = ?2, updated_at = ?3 WHERE roadmap_id = ?4 AND context = ?5 AND variant = ?6")
                .setParameter(1, updated.alpha()).setParameter(2, updated.beta()).setParameter(3, clock.instant())
                .setParameter(4, key.roadmapId()).setParameter(5, key.context()).setParameter(6, variant.id()).executeUpdate();
    }
}
