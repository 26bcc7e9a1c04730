package dev.stride.pacing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The milestones with minutes left, in the order they are laid: roadmap order, except that a milestone comes after every
 * prerequisite that is still to lay (a stable topological order: among milestones whose prerequisites are placed, the
 * earliest in the roadmap goes first). A prerequisite that is not here (not in play, DONE, SKIPPED or all logged) is met;
 * should {@code requires} ever form a cycle, the earliest milestone of it goes first and its later prerequisites are ignored.
 */
final class WorkQueue {

    private final List<MilestoneWork> order;
    /** Per position in {@link #order}: the positions of its prerequisites that come before it. */
    private final int[][] prerequisites;
    private final int[] left;
    /** Milestone id to phase id; never changed after construction, so copies share it. */
    private final Map<String, String> phases;
    private int first;

    WorkQueue(List<MilestoneWork> milestones) {
        this.order = laidOrder(milestones.stream().filter(m -> m.leftMinutes() > 0).toList());
        Map<String, Integer> position = new HashMap<>();
        Map<String, String> phaseOf = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).milestoneId(), i);
            if (order.get(i).phaseId() != null) {
                phaseOf.put(order.get(i).milestoneId(), order.get(i).phaseId());
            }
        }
        this.phases = phaseOf;
        this.prerequisites = new int[order.size()][];
        this.left = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            int at = i;
            prerequisites[i] = order.get(i).requires().stream().map(position::get)
                    .filter(p -> p != null && p < at).mapToInt(Integer::intValue).toArray();
            left[i] = order.get(i).leftMinutes();
        }
    }

    private WorkQueue(WorkQueue other) {
        this.order = other.order;
        this.prerequisites = other.prerequisites;
        this.left = other.left.clone();
        this.phases = other.phases;
        this.first = other.first;
    }

    /** A copy to try a week on without using this queue's work up. */
    WorkQueue copy() {
        return new WorkQueue(this);
    }

    boolean isEmpty() {
        return first == order.size();
    }

    /** The milestone laid next in order (prerequisites come first, so it is always available); null when empty. */
    MilestoneWork next() {
        return isEmpty() ? null : order.get(first);
    }

    /** The phase of a milestone in this queue; null for one without a phase. */
    String phaseOf(String milestoneId) {
        return phases.get(milestoneId);
    }

    /** Up to {@code minutes} of work strictly in order: finishes the current milestone and starts the next if there is room. */
    List<Allocation> take(int minutes) {
        List<Allocation> work = new ArrayList<>();
        int free = minutes;
        while (free > 0 && !isEmpty()) {
            free -= lay(first, free, work);
        }
        return work;
    }

    /**
     * Up to {@code minutes} split by {@code mix} among the kinds with available work (every prerequisite laid); a kind that
     * runs out of available work gives what is left of its share to the others, which may by then have more available, and
     * a finished milestone that lets a new kind start has the rest shared again with it. Kinds take their turns in the order of their first available milestone; within a kind, milestones go in order.
     */
    List<Allocation> take(int minutes, WeeklyMix mix) {
        List<Allocation> work = new ArrayList<>();
        int free = minutes;
        while (free > 0) {
            Map<String, Integer> weights = availableKinds(mix);
            if (weights.isEmpty()) {
                break;
            }
            free -= takeShares(free, weights, mix, work);
        }
        return work;
    }

    /**
     * One round of shares; it ends early, with the rest of the minutes to share again, as soon as a finished milestone lets
     * a kind that had nothing available start. Returns the minutes laid.
     */
    private int takeShares(int free, Map<String, Integer> weights, WeeklyMix mix, List<Allocation> work) {
        int laid = 0;
        for (Map.Entry<String, Integer> share : Shares.split(free, weights).entrySet()) {
            int quota = share.getValue();
            for (int i = nextAvailable(share.getKey(), first); quota > 0 && i >= 0; i = nextAvailable(share.getKey(), i)) {
                int taken = lay(i, quota, work);
                quota -= taken;
                laid += taken;
                if (left[i] == 0 && !weights.keySet().containsAll(availableKinds(mix).keySet())) {
                    return laid;
                }
            }
        }
        return laid;
    }

    /** The kinds with available work and their percent, in the order of their first available milestone. */
    private Map<String, Integer> availableKinds(WeeklyMix mix) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = first; i < order.size(); i++) {
            if (available(i)) {
                weights.putIfAbsent(WeeklyMix.key(order.get(i).kind()), mix.percentOf(order.get(i).kind()));
            }
        }
        return weights;
    }

    private int nextAvailable(String kind, int from) {
        for (int i = from; i < order.size(); i++) {
            if (available(i) && WeeklyMix.key(order.get(i).kind()).equals(kind)) {
                return i;
            }
        }
        return -1;
    }

    private boolean available(int position) {
        if (left[position] == 0) {
            return false;
        }
        for (int prerequisite : prerequisites[position]) {
            if (left[prerequisite] > 0) {
                return false;
            }
        }
        return true;
    }

    /** Lays up to {@code free} minutes of the milestone at {@code position}; returns how many. */
    private int lay(int position, int free, List<Allocation> work) {
        int laid = Math.min(free, left[position]);
        String id = order.get(position).milestoneId();
        Allocation last = work.isEmpty() ? null : work.get(work.size() - 1);
        if (last != null && last.milestoneId().equals(id)) {
            work.set(work.size() - 1, last.withMinutes(last.minutes() + laid));
        } else {
            work.add(new Allocation(id, laid));
        }
        left[position] -= laid;
        while (first < order.size() && left[first] == 0) {
            first++;
        }
        return laid;
    }

    private static List<MilestoneWork> laidOrder(List<MilestoneWork> milestones) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            index.put(milestones.get(i).milestoneId(), i);
        }
        int[] waitingFor = new int[milestones.size()];
        List<List<Integer>> dependents = new ArrayList<>();
        milestones.forEach(m -> dependents.add(new ArrayList<>()));
        for (int i = 0; i < milestones.size(); i++) {
            for (String required : milestones.get(i).requires()) {
                Integer p = index.get(required);
                if (p != null && p != i) {
                    waitingFor[i]++;
                    dependents.get(p).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < milestones.size(); i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        boolean[] placed = new boolean[milestones.size()];
        List<MilestoneWork> sorted = new ArrayList<>();
        while (sorted.size() < milestones.size()) {
            Integer next = ready.poll();
            if (next == null) {
                next = firstUnplaced(placed);
            } else if (placed[next]) {
                continue;
            }
            placed[next] = true;
            sorted.add(milestones.get(next));
            for (int dependent : dependents.get(next)) {
                if (--waitingFor[dependent] == 0 && !placed[dependent]) {
                    ready.add(dependent);
                }
            }
        }
        return sorted;
    }

    private static int firstUnplaced(boolean[] placed) {
        int i = 0;
        while (placed[i]) {
            i++;
        }
        return i;
    }
}
