package dev.stride.reminder.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The source of the policy's Beta draws: seeded from {@code stride.learning.seed} where it is set (the tests), else from
 * the system's entropy. Not thread-safe: {@link VariantChooser} draws under its lock.
 */
@ApplicationScoped
public class RandomProducer {

    @Produces
    @Singleton
    UniformRandomProvider random(LearningSettings settings) {
        return settings.seed().isPresent() ? RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed().getAsLong())
                : RandomSource.XO_RO_SHI_RO_128_PP.create();
    }
}
