package dev.stride.pacing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Whole minutes split by weight with the largest-remainder rule: the parts add up exactly, each within one of its share. */
final class Shares {

    private Shares() {
    }

    /**
     * {@code total} split among the keys of {@code weights} (insertion order breaks ties). All weights zero: an equal
     * split. Every key of {@code weights} is in the result, possibly with 0.
     */
    static <K> Map<K, Integer> split(int total, Map<K, Integer> weights) {
        long sum = weights.values().stream().mapToLong(Integer::longValue).sum();
        Map<K, Long> effective = new LinkedHashMap<>();
        weights.forEach((key, weight) -> effective.put(key, sum == 0 ? 1L : weight.longValue()));
        long weightSum = sum == 0 ? weights.size() : sum;
        Map<K, Integer> parts = new LinkedHashMap<>();
        Map<K, Long> remainders = new LinkedHashMap<>();
        int given = 0;
        for (Map.Entry<K, Long> entry : effective.entrySet()) {
            long scaled = (long) total * entry.getValue();
            int part = (int) (scaled / weightSum);
            parts.put(entry.getKey(), part);
            remainders.put(entry.getKey(), scaled % weightSum);
            given += part;
        }
        for (int left = total - given; left > 0; left--) {
            K largest = null;
            for (Map.Entry<K, Long> entry : remainders.entrySet()) {
                if (largest == null || entry.getValue() > remainders.get(largest)) {
                    largest = entry.getKey();
                }
            }
            parts.merge(largest, 1, Integer::sum);
            remainders.put(largest, -1L);
        }
        return parts;
    }
}
