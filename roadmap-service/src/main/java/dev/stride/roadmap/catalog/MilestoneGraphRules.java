package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;

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
                    errors.add(new FieldError(at, "a milestone cannot require itself"));
                } else if (required == null) {
                    errors.add(new FieldError(at, "no milestone '" + id + "' in this roadmap"));
                } else if (required.phase() > placed.phase()) {
                    errors.add(new FieldError(at, "'" + id + "' comes in a later phase; phases stay in order, so move one of them"));
                } else if (requires.subList(0, r).contains(id)) {
                    errors.add(new FieldError(at, "'" + id + "' is listed twice"));
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
                errors.add(new FieldError(first.at() + ".requires[" + entry + "]", "prerequisites go round in a circle: " + String.join(" -> ", cycle)));
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
                    errors.add(new FieldError(placed.at() + ".recommended", "only a member of a chooseOne group can be the recommended pick"));
                }
                continue;
            }
            if (!FieldChecks.slug(errors, placed.at() + ".chooseOne", milestone.chooseOne())) {
                continue;
            }
            if (Boolean.TRUE.equals(milestone.optional())) {
                errors.add(new FieldError(placed.at() + ".optional", "a milestone is either optional or one of a chooseOne group, not both"));
            }
            groups.computeIfAbsent(milestone.chooseOne(), group -> new ArrayList<>()).add(placed);
        }
        groups.forEach((group, members) -> {
            Placed first = members.get(0);
            if (members.size() < 2) {
                errors.add(new FieldError(first.at() + ".chooseOne", "group '" + group + "' has one member; a choice needs two or more"));
            }
            boolean recommendedSeen = false;
            for (Placed member : members) {
                if (member.phase() != first.phase()) {
                    errors.add(new FieldError(member.at() + ".chooseOne", "group '" + group + "' belongs to phase " + (first.phase() + 1)
                            + "; all its members must be in the same phase"));
                }
                if (Boolean.TRUE.equals(member.milestone().recommended())) {
                    if (recommendedSeen) {
                        errors.add(new FieldError(member.at() + ".recommended", "group '" + group + "' already has a recommended pick"));
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
                    errors.add(new FieldError(at, "must not be empty"));
                    continue;
                }
                if (FieldChecks.slug(errors, at + ".id", habit.id())) {
                    if (milestoneIds.contains(habit.id())) {
                        errors.add(new FieldError(at + ".id", "'" + habit.id() + "' is a milestone's id; habits need ids of their own"));
                    } else if (!habitIds.add(habit.id())) {
                        errors.add(new FieldError(at + ".id", "'" + habit.id() + "' is used by another habit"));
                    }
                }
                FieldChecks.text(errors, at + ".title", habit.title(), 120);
                FieldChecks.optionalText(errors, at + ".description", habit.description(), 1000);
                if (habit.minutesPerWeek() == null || habit.minutesPerWeek() < 5 || habit.minutesPerWeek() > 600) {
                    errors.add(new FieldError(at + ".minutesPerWeek", "must be from 5 to 600 minutes a week"));
                }
            }
        }
    }
}
