package dev.stride.contracts.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    private static final int IDS = 100_000;

    @Test
    void theShareIsHeldToWithinHalfAPercentPoint() {
        for (double share : new double[] {0.05, 0.10, 0.50}) {
            Random random = new Random(19);
            int in = 0;
            for (int i = 0; i < IDS; i++) {
                if (Holdout.contains(new UUID(random.nextLong(), random.nextLong()), share)) {
                    in++;
                }
            }
            // binomial sd at 10 %: sqrt(0.09 / 1e5) ≈ 0.001; 0.005 is five of them
            assertThat((double) in / IDS).as("share %s", share).isBetween(share - 0.005, share + 0.005);
        }
    }

    @Test
    void sequentialIdsSpreadToo() {
        int in = 0;
        for (int i = 0; i < IDS; i++) {
            if (Holdout.contains(new UUID(0x1234L, i), 0.10)) {
                in++;
            }
        }
        assertThat((double) in / IDS).isBetween(0.095, 0.105);
    }

    @Test
    void theSameIdAlwaysGetsTheSameAnswer() {
        UUID id = UUID.randomUUID();
        boolean first = Holdout.contains(id, 0.5);
        for (int i = 0; i < 100; i++) {
            assertThat(Holdout.contains(UUID.fromString(id.toString()), 0.5)).isEqualTo(first);
        }
    }

    @Test
    void shareZeroHoldsNobodyAndShareOneEverybody() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            assertThat(Holdout.contains(id, 0.0)).isFalse();
            assertThat(Holdout.contains(id, 1.0)).isTrue();
        }
        assertThat(Holdout.contains(new UUID(0, 0), 0.0)).isFalse();
        assertThat(Holdout.contains(new UUID(0, 0), 1.0)).isTrue();
    }

    @Test
    void aShareOutsideTheUnitIntervalIsRefused() {
        assertThatThrownBy(() -> Holdout.contains(UUID.randomUUID(), 1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holdout.contains(UUID.randomUUID(), -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
