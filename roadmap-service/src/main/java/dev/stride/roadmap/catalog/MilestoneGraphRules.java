package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules between milestones and habits: prerequisites form a DAG that never points to a later phase (phases stay in
 * order), "choose one of" groups are real choices inside one phase, and habit ids are unique across the roadmap.
 */
final class MilestoneGraphRules {

    /** Where a milestone stands: its phase, its place in the phase, and its path. */
    private record Placed(int phase, String at, RoadmapDocument.Milestone milestone) {
    }

    private MilestoneGraphRules() {
    }

    static void validate(List<FieldError> errors, RoadmapDocument roadmap) {
        Map<String, Placed> milestones = place(roadmap);
        requires(errors, milestones);
        cycles(errors, milestones);
        choices(errors, milestones);
        habits(errors, roadmap, milestones.keySet());
    }

    private static Map<String, Placed> place(RoadmapDocument roadmap) {
        Map<String, Placed> placed = new LinkedHashMap<>();
        for (int p = 0; p < roadmap.phases().size(); p++) {
            RoadmapDocument.Phase phase = roadmap.phases().get(p);
            if (phase == null || phase.milestones() == null) {
                continue;
            }
            for (int m = 0; m < phase.milestones().size(); m++) {
                RoadmapDocument.Milestone milestone = phase.milestones().get(m);
                if (milestone != null && milestone.id() != null) {
                    placed.putIfAbsent(milestone.id(), new Placed(p, "phases[" + p + "].milestones[" + m + "]", milestone));
                }
            }
        }
        return placed;
    }

    private static void requires(List<FieldError> errors, Map<String, Placed> milestones) {
        for (Placed placed : milestones.values()) {
            List<String> requires = placed.milestone().requires();
            if (requires == null) {
                continue;
            }
            for (int r = 0; r < requires.size(); r++) {
                String id = requires.get(r);
                String at = placed.at() + ".requires[" + r + "]";
                Placed required = milestones.get(id);
                if (Objects.equals(id, placed.milestone().id())) {
                    errors.add(FieldError.of(at, FieldErrorCode.REQUIRES_ITSELF));
                } else if (required == null) {
                    errors.add(FieldError.of(at, FieldErrorCode.REQUIRES_UNKNOWN, Map.of("id", String.valueOf(id))));
                } else if (required.phase() > placed.phase()) {
                    errors.add(FieldError.of(at, FieldErrorCode.REQUIRES_LATER, Map.of("id", String.valueOf(id))));
                } else if (requires.subList(0, r).contains(id)) {
                    errors.add(FieldError.of(at, FieldErrorCode.LISTED_TWICE, Map.of("value", String.valueOf(id))));
                }
            }
        }
    }

    /** Every cycle once, named at the requires entry where a walk in study order first entered it, e.g. "a -> b -> a". */
    private static void cycles(List<FieldError> errors, Map<String, Placed> milestones) {
        Set<String> done = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        for (String start : milestones.keySet()) {
            walk(start, new ArrayList<>(), done, milestones, errors, reported);
        }
    }

    private static void walk(String id, List<String> path, Set<String> done, Map<String, Placed> milestones,
                             List<FieldError> errors, Set<Set<String>> reported) {
        if (done.contains(id)) {
            return;
        }
        int seen = path.indexOf(id);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            if (reported.add(Set.copyOf(cycle)) && cycle.size() > 1) {
                Placed first = milestones.get(cycle.get(0));
                int entry = first.milestone().requires().indexOf(cycle.get(1));
                cycle.add(id);
                errors.add(FieldError.of(first.at() + ".requires[" + entry + "]", FieldErrorCode.REQUIRES_CYCLE,
                        Map.of("cycle", String.join(" -> ", cycle))));
            }
            return;
        }
        Placed placed = milestones.get(id);
        if (placed == null || placed.milestone().requires() == null) {
            done.add(id);
            return;
        }
        path.add(id);
        for (String required : placed.milestone().requires()) {
            if (!Objects.equals(required, id)) {
                walk(required, path, done, milestones, errors, reported);
            }
        }
        path.remove(path.size() - 1);
        done.add(id);
    }

    private static void choices(List<FieldError> errors, Map<String, Placed> milestones) {
        Map<String, List<Placed>> groups = new LinkedHashMap<>();
        for (Placed placed : milestones.values()) {
            RoadmapDocument.Milestone milestone = placed.milestone();
            boolean recommended = Boolean.TRUE.equals(milestone.recommended());
            if (milestone.chooseOne() == null) {
                if (recommended) {
                    errors.add(FieldError.of(placed.at() + ".recommended", FieldErrorCode.RECOMMENDED_OUTSIDE_GROUP));
                }
                continue;
            }
            if (!FieldChecks.slug(errors, placed.at() + ".chooseOne", milestone.chooseOne())) {
                continue;
            }
            if (Boolean.TRUE.equals(milestone.optional())) {
                errors.add(FieldError.of(placed.at() + ".optional", FieldErrorCode.OPTIONAL_IN_GROUP));
            }
            groups.computeIfAbsent(milestone.chooseOne(), group -> new ArrayList<>()).add(placed);
        }
        groups.forEach((group, members) -> {
            Placed first = members.get(0);
            if (members.size() < 2) {
                errors.add(FieldError.of(first.at() + ".chooseOne", FieldErrorCode.GROUP_OF_ONE, Map.of("group", group)));
            }
            boolean recommendedSeen = false;
            for (Placed member : members) {
                if (member.phase() != first.phase()) {
                    errors.add(FieldError.of(member.at() + ".chooseOne", FieldErrorCode.GROUP_ACROSS_PHASES,
                            Map.of("group", group, "phase", first.phase() + 1)));
                }
                if (Boolean.TRUE.equals(member.milestone().recommended())) {
                    if (recommendedSeen) {
                        errors.add(FieldError.of(member.at() + ".recommended", FieldErrorCode.GROUP_RECOMMENDED_TWICE, Map.of("group", group)));
                    }
                    recommendedSeen = true;
                }
            }
        });
    }

    private static void habits(List<FieldError> errors, RoadmapDocument roadmap, Set<String> milestoneIds) {
        Set<String> habitIds = new HashSet<>();
        for (int p = 0; p < roadmap.phases().size(); p++) {
            RoadmapDocument.Phase phase = roadmap.phases().get(p);
            if (phase == null || phase.habits() == null) {
                continue;
            }
            for (int h = 0; h < phase.habits().size(); h++) {
                RoadmapDocument.Habit habit = phase.habits().get(h);
                String at = "phases[" + p + "].habits[" + h + "]";
                if (habit == null) {
                    errors.add(FieldError.of(at, FieldErrorCode.NOT_EMPTY));
                    continue;
                }
                if (FieldChecks.slug(errors, at + ".id", habit.id())) {
                    if (milestoneIds.contains(habit.id())) {
                        errors.add(FieldError.of(at + ".id", FieldErrorCode.HABIT_ID_OF_MILESTONE, Map.of("id", habit.id())));
                    } else if (!habitIds.add(habit.id())) {
                        errors.add(FieldError.of(at + ".id", FieldErrorCode.HABIT_ID_TAKEN, Map.of("id", habit.id())));
                    }
                }
                FieldChecks.text(errors, at + ".title", habit.title(), 120);
                FieldChecks.optionalText(errors, at + ".description", habit.description(), 1000);
                if (habit.minutesPerWeek() == null || habit.minutesPerWeek() < 5 || habit.minutesPerWeek() > 600) {
                    errors.add(FieldError.of(at + ".minutesPerWeek", FieldErrorCode.HABIT_MINUTES));
                }
            }
        }
    }
}
