package dev.stride.contracts.learning;

import java.util.UUID;

/**
 * The random holdout that keeps the default content, to measure the policy's lift honestly. Membership is a pure
 * function of the subscription id: the same learner is in or out on every dispatch and every replica, with no table.
 */
public final class Holdout {

    private static final double TWO_TO_53 = 0x1p53;

    private Holdout() {
    }

    /** True for about {@code share} of all ids; 0 = nobody, 1 = everybody. */
    public static boolean contains(UUID subscriptionId, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("holdout share must be in [0, 1]: " + share);
        }
        return position(subscriptionId) < share;
    }

    /**
     * The id mapped uniformly to [0, 1): both halves mixed through the MurmurHash3 64-bit finaliser, so ids that differ
     * in few bits (or v4 UUIDs' fixed version bits) still spread evenly; the top 53 bits make the double.
     */
    static double position(UUID id) {
        long h = fmix64(id.getMostSignificantBits()) ^ fmix64(id.getLeastSignificantBits() + 0x9E3779B97F4A7C15L);
        return (fmix64(h) >>> 11) / TWO_TO_53;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53a87d5L;
        k ^= k >>> 33;
        return k;
    }
}
