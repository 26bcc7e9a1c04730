package dev.stride.roadmap.catalog;

import dev.stride.roadmap.catalog.PathAdvisor.Advice;
import dev.stride.roadmap.catalog.PathAdvisor.Answers;
import dev.stride.roadmap.catalog.PathAdvisor.Candidate;
import dev.stride.roadmap.catalog.PathAdvisor.Reason;
import dev.stride.roadmap.catalog.PathAdvisor.Rule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of "which path fits me", then how the rules add up. */
class PathAdvisorTest {

    private static final Answers BEGINNER = new Answers("career-changer", "ml-engineer", "none", "school", 8, 12);

    private static Candidate roadmap(String id, String difficulty, List<String> roles, List<String> backgrounds, int hours, int minHours) {
        return new Candidate(id, id, difficulty, roles, backgrounds, BigDecimal.valueOf(hours), minHours);
    }

    private static Candidate plain(String id) {
        return roadmap(id, null, List.of(), List.of(), 100, 0);
    }

    @Test
    void roleCountsForARoadmapMadeForItAndAgainstOneMadeForOthers() {
        Advice made = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of("ml-engineer", "data-scientist"), List.of(), 100, 0));
        Advice other = PathAdvisor.weigh(BEGINNER, roadmap("b", null, List.of("ai-researcher"), List.of(), 100, 0));
        Advice unsure = PathAdvisor.weigh(new Answers("graduate", "unsure", "none", "school", 8, 12),
                roadmap("b", null, List.of("ai-researcher"), List.of(), 100, 0));

        assertThat(made.reasons()).contains(new Reason(Rule.ROLE, "ml-engineer", 0));
        assertThat(made.score() - PathAdvisor.weigh(BEGINNER, plain("a")).score()).isEqualTo(4);
        assertThat(other.score() - PathAdvisor.weigh(BEGINNER, plain("b")).score()).isEqualTo(-2);
        assertThat(other.reasons()).extracting(Reason::rule).doesNotContain(Rule.ROLE);
        assertThat(unsure.reasons()).extracting(Reason::rule).doesNotContain(Rule.ROLE);
    }

    @Test
    void backgroundCountsWhenTheRoadmapSuitsIt() {
        Advice suits = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of("career-changer"), 100, 0));
        Advice not = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of("graduate"), 100, 0));

        assertThat(suits.reasons()).contains(new Reason(Rule.BACKGROUND, "career-changer", 0));
        assertThat(suits.score() - not.score()).isEqualTo(2);
        assertThat(not.reasons()).extracting(Reason::rule).doesNotContain(Rule.BACKGROUND);
    }

    @Test
    void levelFitsWhenTheDifficultyIsTheLearnersAndCostsPerLevelAbove() {
        assertThat(PathAdvisor.learnerLevel(BEGINNER)).isZero();
        assertThat(PathAdvisor.learnerLevel(new Answers("graduate", "unsure", "basics", "some", 8, 12))).isEqualTo(1);
        assertThat(PathAdvisor.learnerLevel(new Answers("graduate", "unsure", "fluent", "school", 8, 12))).isZero();
        assertThat(PathAdvisor.learnerLevel(new Answers("graduate", "unsure", "fluent", "strong", 8, 12))).isEqualTo(2);

        Advice fits = PathAdvisor.weigh(BEGINNER, roadmap("a", "beginner", List.of(), List.of(), 100, 0));
        Advice above = PathAdvisor.weigh(BEGINNER, roadmap("a", "intermediate", List.of(), List.of(), 100, 0));
        Advice farAbove = PathAdvisor.weigh(BEGINNER, roadmap("a", "advanced", List.of(), List.of(), 100, 0));
        Advice easier = PathAdvisor.weigh(new Answers("graduate", "unsure", "fluent", "strong", 8, 12), roadmap("a", "beginner", List.of(), List.of(), 100, 0));

        assertThat(fits.reasons()).contains(new Reason(Rule.LEVEL, "beginner", 0));
        assertThat(above.caveats()).contains(new Reason(Rule.LEVEL, "intermediate", 0));
        assertThat(fits.score() - above.score()).isEqualTo(5);
        assertThat(above.score() - farAbove.score()).isEqualTo(3);
        assertThat(easier.reasons()).extracting(Reason::rule).doesNotContain(Rule.LEVEL);
        assertThat(easier.caveats()).isEmpty();
    }

    @Test
    void timeFitsWhenTheHoursInPlayTakeNoMoreMonthsThanTheLearnerHas() {
        // 260 h at 8 h a week: 32.5 weeks, 7.5 months, so 8.
        Advice fits = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of(), 260, 0));
        // 468 h at 8 h a week: 58.5 weeks, 14 months: more than 12, less than 18.
        Advice over = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of(), 468, 0));
        // 900 h: 26 months, more than half as long again.
        Advice farOver = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of(), 900, 0));

        assertThat(fits.reasons()).contains(new Reason(Rule.TIME, null, 8));
        assertThat(over.caveats()).contains(new Reason(Rule.TIME, null, 14));
        assertThat(fits.score() - over.score()).isEqualTo(3);
        assertThat(over.score() - farOver.score()).isEqualTo(2);
        assertThat(PathAdvisor.monthsNeeded(new BigDecimal("52"), 3)).isEqualTo(4);
    }

    @Test
    void paceBelowTheSuggestedMinimumIsACaveat() {
        Advice below = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of(), 100, 10));
        Advice at = PathAdvisor.weigh(BEGINNER, roadmap("a", null, List.of(), List.of(), 100, 8));

        assertThat(below.caveats()).contains(new Reason(Rule.PACE, null, 10));
        assertThat(at.caveats()).isEmpty();
        assertThat(at.score() - below.score()).isEqualTo(1);
    }

    @Test
    void theBestScoreComesFirstAndTiesGoToTheShorterRoadmap() {
        Candidate researcher = roadmap("research", "advanced", List.of("ai-researcher"), List.of("graduate"), 400, 10);
        Candidate engineer = roadmap("engineer", "beginner", List.of("ml-engineer"), List.of("career-changer"), 260, 5);
        Candidate longTwin = roadmap("long-twin", null, List.of(), List.of(), 200, 0);
        Candidate shortTwin = roadmap("short-twin", null, List.of(), List.of(), 150, 0);

        List<Advice> advice = PathAdvisor.advise(BEGINNER, List.of(researcher, longTwin, engineer, shortTwin));

        assertThat(advice).extracting(a -> a.roadmap().id()).containsExactly("engineer", "short-twin", "long-twin", "research");
        assertThat(advice.get(0).reasons()).extracting(Reason::rule).containsExactly(Rule.ROLE, Rule.BACKGROUND, Rule.LEVEL, Rule.TIME);
    }
}
