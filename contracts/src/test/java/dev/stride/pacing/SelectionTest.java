package dev.stride.pacing;

import dev.stride.pacing.Selection.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which milestones are in play: by example, and as properties over seeded random roadmaps laid by the pacer. */
class SelectionTest {

    @Test
    void requiredMilestonesAreInPlayAndOptionalOnesOnlyWhenChosenOrDone() {
        List<Candidate> roadmap = List.of(required("python"), optional("docker", false), optional("rust", true), optional("go", false));

        assertThat(Selection.inPlay(roadmap, Set.of())).containsExactly("python", "rust");
        assertThat(Selection.inPlay(roadmap, Set.of("go"))).containsExactly("python", "rust", "go");
    }

    @Test
    void aGroupPlaysTheChosenMemberElseTheRecommendedElseTheFirst() {
        List<Candidate> courses = List.of(member("p1", "course", "coursera", false, false), member("p1", "course", "fastai", true, false),
                member("p1", "course", "udacity", false, false));
        List<Candidate> unrecommended = List.of(member("p1", "course", "coursera", false, false), member("p1", "course", "udacity", false, false));

        assertThat(Selection.inPlay(courses, Set.of())).containsExactly("fastai");
        assertThat(Selection.inPlay(courses, Set.of("udacity"))).containsExactly("udacity");
        assertThat(Selection.inPlay(unrecommended, Set.of())).containsExactly("coursera");
    }

    @Test
    void progressOnAnAlternativeMeansTheLearnerTookIt() {
        List<Candidate> courses = List.of(member("p1", "course", "coursera", true, false), member("p1", "course", "fastai", false, true));

        assertThat(Selection.inPlay(courses, Set.of())).containsExactly("fastai");
    }

    @Test
    void theSameGroupIdInAnotherPhaseIsAnotherGroup() {
        List<Candidate> roadmap = List.of(member("p1", "course", "a", false, false), member("p1", "course", "b", false, false),
                member("p2", "course", "c", false, false), member("p2", "course", "d", true, false));

        assertThat(Selection.inPlay(roadmap, Set.of())).containsExactly("a", "d");
    }

    @Test
    void aGroupOfOptionalMembersPlaysNoneUntilOneIsChosen() {
        List<Candidate> extras = List.of(new Candidate("kaggle", "p1", true, "extra", true, false),
                new Candidate("paper", "p1", true, "extra", false, false));

        assertThat(Selection.inPlay(extras, Set.of())).isEmpty();
        assertThat(Selection.inPlay(extras, Set.of("paper"))).containsExactly("paper");
    }

    @Test
    void aChosenBranchReplacesItsRecommendedSiblingInTheScheduleAndTheFinish() {
        List<MilestoneWork> roadmap = List.of(InputBuilder.todo("python", 180, "p1", "learn"), InputBuilder.todo("fastai", 360, "p1", "learn"),
                InputBuilder.todo("coursera", 1800, "p1", "learn"), InputBuilder.todo("kaggle", 180, "p1", "project"));
        Map<String, Candidate> candidates = Map.of("python", required("python"), "fastai", member("p1", "course", "fastai", true, false),
                "coursera", member("p1", "course", "coursera", false, false), "kaggle", optional("kaggle", false));
        InputBuilder input = InputBuilder.startingOn("2026-11-23");

        Schedule asSuggested = Pacer.schedule(input.build().withMilestones(Selection.inPlay(roadmap, m -> candidates.get(m.milestoneId()), Set.of())));
        Schedule chosen = Pacer.schedule(input.build().withMilestones(
                Selection.inPlay(roadmap, m -> candidates.get(m.milestoneId()), Set.of("coursera", "kaggle"))));

        assertThat(laid(asSuggested)).containsExactly("python", "fastai");
        assertThat(laid(chosen)).containsExactly("python", "coursera", "kaggle");
        assertThat(asSuggested.remainingMinutes()).isEqualTo(540);
        assertThat(chosen.remainingMinutes()).isEqualTo(2160);
        assertThat(chosen.projectedFinish()).get().isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void choicesAreCheckedAgainstTheRoadmapOneProblemPerBadEntry() {
        List<Candidate> roadmap = List.of(required("python"), optional("docker", false), member("p1", "course", "fastai", true, false),
                member("p1", "course", "coursera", false, false), member("p2", "course", "udacity", false, false));

        assertThat(Selection.problems(roadmap, List.of("docker", "coursera", "udacity"))).isEmpty();
        assertThat(Selection.problems(roadmap, List.of("docker", "cooking", "python", "fastai", "coursera", "docker"))
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().message())))
                .containsOnlyKeys(1, 2, 4, 5)
                .containsEntry(1, "'cooking' is not a milestone of this roadmap")
                .containsEntry(4, "'coursera' and 'fastai' are alternatives of one group: choose one of them")
                .containsEntry(5, "'docker' is chosen twice");
        assertThat(Selection.problems(roadmap, List.of("python")).get(0).message()).contains("is required");
    }

    private static List<String> laid(Schedule schedule) {
        return schedule.weeks().stream().flatMap(w -> w.sessions().stream()).flatMap(s -> s.work().stream()).filter(a -> !a.habit())
                .map(Allocation::milestoneId).distinct().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.stride.pacing.RandomPacingInputs#seeds")
    void optionalUnchosenWorkIsNeverLaidAndEachGroupLaysOneMemberAtMost(long seed) {
        Random random = new Random(seed);
        PacingInput all = RandomPacingInputs.generateWithRoutine(seed);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (MilestoneWork m : all.milestones()) {
            String group = random.nextInt(3) == 0 ? "g" + random.nextInt(2) : null;
            candidates.put(m.milestoneId(), Candidate.of(m.milestoneId(), m.phaseId(), random.nextInt(4) == 0, group,
                    random.nextInt(3) == 0, m.state() == ProgressState.DONE));
        }
        Set<String> chosen = candidates.keySet().stream().filter(id -> random.nextInt(5) == 0).collect(Collectors.toSet());
        List<MilestoneWork> inPlay = Selection.inPlay(all.milestones(), m -> candidates.get(m.milestoneId()), chosen);
        Set<String> laid = Pacer.schedule(all.withMilestones(inPlay)).weeks().stream().flatMap(w -> w.sessions().stream())
                .flatMap(s -> s.work().stream()).filter(a -> !a.habit()).map(Allocation::milestoneId).collect(Collectors.toSet());

        Map<List<String>, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates.values()) {
            if (c.chooseOne() == null) {
                boolean expected = !c.optional() || c.done() || chosen.contains(c.milestoneId());
                assertThat(inPlay.stream().anyMatch(m -> m.milestoneId().equals(c.milestoneId()))).as(c.milestoneId()).isEqualTo(expected);
            } else {
                groups.computeIfAbsent(List.of(c.phaseId(), c.chooseOne()), k -> new ArrayList<>()).add(c);
            }
        }
        Set<String> inPlayIds = inPlay.stream().map(MilestoneWork::milestoneId).collect(Collectors.toSet());
        assertThat(inPlayIds).containsAll(laid);
        groups.values().forEach(members -> {
            List<Candidate> playing = members.stream().filter(c -> inPlayIds.contains(c.milestoneId())).toList();
            boolean anyChosen = members.stream().anyMatch(c -> c.done() || chosen.contains(c.milestoneId()));
            boolean allOptional = members.stream().allMatch(Candidate::optional);
            assertThat(playing).hasSize(anyChosen || !allOptional ? 1 : 0);
            if (anyChosen) {
                assertThat(playing.get(0).done() || chosen.contains(playing.get(0).milestoneId())).isTrue();
            }
            assertThat(members.stream().filter(c -> laid.contains(c.milestoneId())).count()).isLessThanOrEqualTo(1);
        });
    }

    private static Candidate required(String id) {
        return new Candidate(id, "p1", false, null, false, false);
    }

    private static Candidate optional(String id, boolean done) {
        return new Candidate(id, "p1", true, null, false, done);
    }

    private static Candidate member(String phase, String group, String id, boolean recommended, boolean done) {
        return new Candidate(id, phase, false, group, recommended, done);
    }
}
