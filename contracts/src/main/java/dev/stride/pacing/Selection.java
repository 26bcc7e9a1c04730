package dev.stride.pacing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which milestones of a roadmap are in play for a learner: only those are counted (total, progress, ahead or behind,
 * finish) and laid. Required milestones outside any group always are; an optional one only when chosen. Of a
 * "choose one" group (its id is unique within its phase) exactly one is: the chosen member, else the recommended one,
 * else the first listed; a group whose every member is optional is in play only when one of them is chosen. A milestone
 * the learner marked DONE counts as chosen (progress on an alternative means they took it); of several chosen members of
 * one group the first listed is in play.
 */
public final class Selection {

    /** What selection needs to know of one milestone; {@code chooseOne} null or blank: no group. */
    public record Candidate(String milestoneId, String phaseId, boolean optional, String chooseOne, boolean recommended, boolean done) {

        /** From the nullable fields of a roadmap document or event (null: required, no group, not recommended). */
        public static Candidate of(String milestoneId, String phaseId, Boolean optional, String chooseOne, Boolean recommended, boolean done) {
            return new Candidate(milestoneId, phaseId, Boolean.TRUE.equals(optional), chooseOne == null || chooseOne.isBlank() ? null : chooseOne,
                    Boolean.TRUE.equals(recommended), done);
        }

        boolean chosenBy(Set<String> chosen) {
            return done || chosen.contains(milestoneId);
        }
    }

    private Selection() {
    }

    /** The ids in play, in roadmap order. {@code chosen}: the learner's choices (optional milestones and group members they picked). */
    public static Set<String> inPlay(List<Candidate> candidates, Set<String> chosen) {
        Map<List<String>, List<Candidate>> groups = new LinkedHashMap<>();
        Set<String> inPlay = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate.chooseOne() != null) {
                groups.computeIfAbsent(groupKey(candidate), key -> new ArrayList<>()).add(candidate);
            } else if (!candidate.optional() || candidate.chosenBy(chosen)) {
                inPlay.add(candidate.milestoneId());
            }
        }
        Set<String> picked = new LinkedHashSet<>();
        groups.values().forEach(members -> pick(members, chosen).ifPresent(picked::add));
        Set<String> ordered = new LinkedHashSet<>();
        candidates.stream().map(Candidate::milestoneId).filter(id -> inPlay.contains(id) || picked.contains(id)).forEach(ordered::add);
        return ordered;
    }

    /** The in-play subset of a roadmap's own milestones (a document's, an event's), in their order. */
    public static <T> List<T> inPlay(List<T> milestones, Function<T, Candidate> candidate, Set<String> chosen) {
        List<Candidate> candidates = milestones.stream().map(candidate).toList();
        Set<String> ids = inPlay(candidates, chosen);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            if (ids.contains(candidates.get(i).milestoneId())) {
                result.add(milestones.get(i));
            }
        }
        return result;
    }

    /** Why a learner's choice is refused; {@code other} is the group member already chosen ({@link Kind#SAME_GROUP} only). */
    public record ChoiceProblem(Kind kind, String id, String other) {

        public enum Kind { UNKNOWN, TWICE, REQUIRED, SAME_GROUP }

        /** In English, as the API words it. */
        public String message() {
            return switch (kind) {
                case UNKNOWN -> "'" + id + "' is not a milestone of this roadmap";
                case TWICE -> "'" + id + "' is chosen twice";
                case REQUIRED -> "'" + id + "' is required: only optional milestones and one of each \"choose one of\" group can be chosen";
                case SAME_GROUP -> "'" + id + "' and '" + other + "' are alternatives of one group: choose one of them";
            };
        }
    }

    /**
     * What is wrong with a learner's choices, by their index in {@code chosen}: an id that is no milestone of the roadmap, one
     * that is no choice (required and in no group), one listed twice, or a second member of one "choose one" group (a chosen
     * branch replaces its siblings, so only one can be chosen). Empty when they hold.
     */
    public static Map<Integer, ChoiceProblem> problems(List<Candidate> candidates, List<String> chosen) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(candidate -> byId.putIfAbsent(candidate.milestoneId(), candidate));
        Map<List<String>, String> groupsTaken = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<Integer, ChoiceProblem> problems = new LinkedHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            String id = chosen.get(i);
            Candidate candidate = id == null ? null : byId.get(id);
            if (candidate == null) {
                problems.put(i, new ChoiceProblem(ChoiceProblem.Kind.UNKNOWN, id, null));
            } else if (!seen.add(id)) {
                problems.put(i, new ChoiceProblem(ChoiceProblem.Kind.TWICE, id, null));
            } else if (candidate.chooseOne() == null && !candidate.optional()) {
                problems.put(i, new ChoiceProblem(ChoiceProblem.Kind.REQUIRED, id, null));
            } else if (candidate.chooseOne() != null) {
                String other = groupsTaken.putIfAbsent(groupKey(candidate), id);
                if (other != null) {
                    problems.put(i, new ChoiceProblem(ChoiceProblem.Kind.SAME_GROUP, id, other));
                }
            }
        }
        return problems;
    }

    private static Optional<String> pick(List<Candidate> members, Set<String> chosen) {
        return members.stream().filter(m -> m.chosenBy(chosen)).findFirst()
                .or(() -> members.stream().allMatch(Candidate::optional) ? Optional.empty()
                        : members.stream().filter(Candidate::recommended).findFirst().or(() -> members.stream().findFirst()))
                .map(Candidate::milestoneId);
    }

    private static List<String> groupKey(Candidate candidate) {
        return Arrays.asList(candidate.phaseId(), candidate.chooseOne());
    }
}
