package dev.stride.roadmap.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * "Which path fits me": the rules that weigh each roadmap against a learner's answers, the one home of them. Each rule adds
 * points and, where it speaks for the roadmap, a reason (or, where it speaks against, a caveat) the page words. The best
 * score is recommended, the next one is the second choice; ties go to the shorter roadmap.
 */
public final class PathAdvisor {

    public static final List<String> BACKGROUNDS = List.of("graduate", "career-changer", "self-taught");
    public static final List<String> ROLES = List.of("ml-engineer", "data-scientist", "ai-researcher", "cv-engineer", "nlp-engineer", "unsure");
    public static final List<String> PYTHON = List.of("none", "basics", "fluent");
    public static final List<String> MATHS = List.of("school", "some", "strong");
    /** Easiest first: the order the level rule counts in. */
    public static final List<String> DIFFICULTIES = List.of("beginner", "intermediate", "advanced");

    private PathAdvisor() {
    }

    /** What the learner answered: a background, a goal role, Python and maths levels, hours a week, months available. */
    public record Answers(String background, String role, String python, String maths, int hoursPerWeek, int months) {
    }

    /** What the rules know of a roadmap. */
    public record Candidate(String id, String title, String difficulty, List<String> roles, List<String> backgrounds, BigDecimal hoursInPlay,
                            int suggestedMinHours) {

        public static Candidate of(RoadmapDocument doc) {
            return new Candidate(doc.id(), doc.title(), doc.difficulty(), doc.roles() == null ? List.of() : doc.roles(),
                    doc.backgrounds() == null ? List.of() : doc.backgrounds(), RoadmapHours.hoursInPlay(doc),
                    doc.suggestedWeeklyHours() == null || doc.suggestedWeeklyHours().min() == null ? 0 : doc.suggestedWeeklyHours().min());
        }
    }

    public enum Rule { ROLE, BACKGROUND, LEVEL, TIME, PACE }

    /** Why (or, as a caveat, why not quite): the rule and what it found (a role, a background, a difficulty, months, hours). */
    public record Reason(Rule rule, String value, int number) {
    }

    public record Advice(Candidate roadmap, int score, List<Reason> reasons, List<Reason> caveats) {
    }

    /** The roadmaps best first; the page shows the first two. */
    public static List<Advice> advise(Answers answers, List<Candidate> candidates) {
        return candidates.stream().map(candidate -> weigh(answers, candidate))
                .sorted(Comparator.comparingInt(Advice::score).reversed()
                        .thenComparing(advice -> advice.roadmap().hoursInPlay())
                        .thenComparing(advice -> advice.roadmap().id()))
                .toList();
    }

    static Advice weigh(Answers answers, Candidate candidate) {
        List<Reason> reasons = new ArrayList<>();
        List<Reason> caveats = new ArrayList<>();
        int score = role(answers, candidate, reasons) + background(answers, candidate, reasons) + level(answers, candidate, reasons, caveats)
                + time(answers, candidate, reasons, caveats) + pace(answers, candidate, caveats);
        return new Advice(candidate, score, List.copyOf(reasons), List.copyOf(caveats));
    }

    /** A roadmap made for the goal role counts most; one made for other roles only counts against it. "Not sure yet" is neutral. */
    static int role(Answers answers, Candidate candidate, List<Reason> reasons) {
        if (answers.role() == null || answers.role().equals("unsure") || candidate.roles().isEmpty()) {
            return 0;
        }
        if (candidate.roles().contains(answers.role())) {
            reasons.add(new Reason(Rule.ROLE, answers.role(), 0));
            return 4;
        }
        return -2;
    }

    static int background(Answers answers, Candidate candidate, List<Reason> reasons) {
        if (answers.background() != null && candidate.backgrounds().contains(answers.background())) {
            reasons.add(new Reason(Rule.BACKGROUND, answers.background(), 0));
            return 2;
        }
        return 0;
    }

    /**
     * The learner's level: beginner without Python or with school maths, advanced with fluent Python and strong maths,
     * intermediate between. A roadmap at that level fits; each level above it costs; an easier one is neutral.
     */
    static int level(Answers answers, Candidate candidate, List<Reason> reasons, List<Reason> caveats) {
        int roadmap = candidate.difficulty() == null ? -1 : DIFFICULTIES.indexOf(candidate.difficulty());
        if (roadmap < 0) {
            return 0;
        }
        int learner = learnerLevel(answers);
        if (roadmap == learner) {
            reasons.add(new Reason(Rule.LEVEL, candidate.difficulty(), 0));
            return 2;
        }
        if (roadmap > learner) {
            caveats.add(new Reason(Rule.LEVEL, candidate.difficulty(), 0));
            return -3 * (roadmap - learner);
        }
        return 0;
    }

    static int learnerLevel(Answers answers) {
        if ("none".equals(answers.python()) || "school".equals(answers.maths())) {
            return 0;
        }
        return "fluent".equals(answers.python()) && "strong".equals(answers.maths()) ? 2 : 1;
    }

    /** At the learner's hours a week, does the roadmap (hours in play) fit the months they have? The months it takes are the reason or the caveat. */
    static int time(Answers answers, Candidate candidate, List<Reason> reasons, List<Reason> caveats) {
        int needed = monthsNeeded(candidate.hoursInPlay(), answers.hoursPerWeek());
        if (needed <= answers.months()) {
            reasons.add(new Reason(Rule.TIME, null, needed));
            return 2;
        }
        caveats.add(new Reason(Rule.TIME, null, needed));
        return needed <= answers.months() * 3 / 2 ? -1 : -3;
    }

    /** Below the roadmap's suggested minimum a week the learner is warned, and the roadmap loses a point. */
    static int pace(Answers answers, Candidate candidate, List<Reason> caveats) {
        if (answers.hoursPerWeek() < candidate.suggestedMinHours()) {
            caveats.add(new Reason(Rule.PACE, null, candidate.suggestedMinHours()));
            return -1;
        }
        return 0;
    }

    /** Whole months (rounded up, 52 weeks in 12 months) for the hours at that many hours a week. */
    static int monthsNeeded(BigDecimal hours, int hoursPerWeek) {
        BigDecimal hoursTimesTwelve = Objects.requireNonNullElse(hours, BigDecimal.ZERO).multiply(BigDecimal.valueOf(12));
        return hoursTimesTwelve.divide(BigDecimal.valueOf(52L * Math.max(1, hoursPerWeek)), 0, RoundingMode.UP).intValueExact();
    }
}
