package dev.stride.roadmap.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.math.BigDecimal;

/**
 * The words of choosing a roadmap ({@code {cat:name}}): the catalog's filters and cards, what a roadmap page says about who
 * it is for, its choices, habits and prerequisites, and the "which path fits me" questionnaire. English here; German in
 * {@code messages/cat_de.properties}.
 */
@MessageBundle("cat")
public interface CatalogMessages {

    @Message("{#switch role}{#case 'ml-engineer'}ML engineer{#case 'data-scientist'}Data scientist{#case 'ai-researcher'}AI researcher"
            + "{#case 'cv-engineer'}Computer-vision engineer{#case 'nlp-engineer'}NLP engineer{#case 'unsure'}Not sure yet{#else}{role}{/switch}")
    String role(String role);

    @Message("{#switch background}{#case 'graduate'}Graduate (computer science, maths or a science){#case 'career-changer'}Career changer "
            + "(working in another field){#case 'self-taught'}Self-taught (learning on my own){#else}{background}{/switch}")
    String background(String background);

    @Message("{#switch difficulty}{#case 'beginner'}Beginner{#case 'intermediate'}Intermediate{#case 'advanced'}Advanced{#else}{difficulty}{/switch}")
    String difficulty(String difficulty);

    // The catalog's filters and cards.

    @Message("Find your roadmap")
    String filterHeading();

    @Message("Role")
    String filterRole();

    @Message("Background")
    String filterBackground();

    @Message("Difficulty")
    String filterDifficulty();

    @Message("Any")
    String filterAny();

    @Message("Show roadmaps")
    String filterApply();

    @Message("Show all")
    String filterClear();

    @Message("{#if count == 1}One roadmap matches.{#else}{count} roadmaps match.{/if}")
    String matching(int count);

    @Message("No roadmap matches all of these. Leave a filter at “Any”, or")
    String noneMatch();

    @Message("Not sure which one? Answer six short questions and Stride suggests a path.")
    String whichPathLink();

    @Message("{hours} h as suggested · about {#if months == 1}a month{#else}{months} months{/if}")
    String cardFacts(BigDecimal hours, int months);

    @Message("For")
    String forRoles();

    // A roadmap's page.

    @Message("{hours} hours as suggested: without the optional milestones and the alternatives you do not pick ({total} h listed).")
    String hoursInPlay(BigDecimal hours, BigDecimal total);

    @Message("Who it is for")
    String audience();

    @Message("What the work is like, day to day")
    String dayToDay();

    @Message("What you come away with")
    String outcomes();

    @Message("Reality check")
    String realityCheck();

    @Message("Questions")
    String faq();

    @Message("Where to go next")
    String growthPath();

    @Message("Once this roadmap is done, these take you further:")
    String growthIntro();

    @Message("Ongoing while this phase runs")
    String habits();

    @Message("ongoing: {minutes} min a week")
    String ongoing(int minutes);

    @Message("Choose one of:")
    String chooseOne();

    @Message("recommended")
    String recommended();

    @Message("optional")
    String optional();

    @Message("after:")
    String after();

    @Message("{#switch type}{#case 'book'}Book{#case 'course'}Course{#case 'certification'}Certification{#case 'article'}Article"
            + "{#case 'video'}Video{#case 'tool'}Tool{#case 'community'}Community{#case 'practice'}Practice{#else}{type}{/switch}")
    String resourceType(String type);

    @Message("I already know …")
    String placementLegend();

    @Message("Tick a phase you know already: its milestones are marked skipped when you confirm, and your plan starts after them. "
            + "A phase can be ticked only together with the phases it builds on.")
    String placementHint();

    // "Which path fits me".

    @Message("Which path fits me?")
    String pathTitle();

    @Message("Six questions, and Stride suggests the roadmap that fits you best, a second choice, and why.")
    String pathIntro();

    @Message("What describes you best?")
    String askBackground();

    @Message("Which role are you aiming for?")
    String askRole();

    @Message("How well do you know Python?")
    String askPython();

    @Message("{#switch level}{#case 'none'}Not yet{#case 'basics'}The basics: variables, loops, functions{#case 'fluent'}Well: I write it regularly"
            + "{#else}{level}{/switch}")
    String python(String level);

    @Message("How is your maths?")
    String askMaths();

    @Message("{#switch level}{#case 'school'}School maths{#case 'some'}Some linear algebra, calculus or statistics"
            + "{#case 'strong'}Strong: university maths I still use{#else}{level}{/switch}")
    String maths(String level);

    @Message("Hours a week you can study")
    String askHours();

    @Message("Months you want to give it")
    String askMonths();

    @Message("Suggest a path")
    String pathSubmit();

    @Message("Please answer these:")
    String checkAnswers();

    @Message("{#switch field}{#case 'background'}Background{#case 'role'}Role{#case 'python'}Python{#case 'maths'}Maths"
            + "{#case 'hours'}Hours a week{#case 'months'}Months{#else}{field}{/switch}")
    String answerLabel(String field);

    @Message("{#switch field}{#case 'hours'}a whole number of hours from 1 to 40{#case 'months'}a whole number of months from 1 to 36"
            + "{#else}choose one{/switch}")
    String answerError(String field);

    @Message("Our suggestion")
    String suggestion();

    @Message("Second choice")
    String secondChoice();

    @Message("Why")
    String why();

    @Message("Keep in mind")
    String keepInMind();

    @Message("It prepares for the role you chose:")
    String whyRole();

    @Message("It is written for learners like you:")
    String whyBackground();

    @Message("Its level matches your Python and maths:")
    String whyLevel();

    @Message("At your hours a week it takes about {#if months == 1}a month{#else}{months} months{/if}, within the time you have.")
    String whyTime(int months);

    @Message("It asks more than your answers suggest you know now:")
    String caveatLevel();

    @Message("At your hours a week it takes about {months} months, longer than you want to give it: study more each week or plan for longer.")
    String caveatTime(int months);

    @Message("It suggests at least {hours} hours a week.")
    String caveatPace(int hours);

    @Message("None of your answers points strongly to one roadmap; this is the shortest.")
    String noReason();

    @Message("See the roadmap")
    String seeRoadmap();

    @Message("Change your answers")
    String changeAnswers();
}
