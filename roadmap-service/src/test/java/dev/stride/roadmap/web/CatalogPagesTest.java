package dev.stride.roadmap.web;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The catalog with its filters, a roadmap's page with who it is for, its choices, habits and prerequisites (en + de), and the
 * "which path fits me" questionnaire. The format-2 fields come from a test roadmap published through the admin API.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class CatalogPagesTest {

    private static final String ANSWERS = "/which-path?background=self-taught&role=nlp-engineer&python=none&maths=school&hours=8&months=12";

    private static String id;

    @BeforeEach
    void publishATestRoadmapWithTheNewFieldsOnce() {
        if (id == null) {
            id = TestSupport.publishChoicesRoadmap();
        }
    }

    @Test
    void theCatalogListsTheRoadmapsWithTheirFigures() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<a href=\"/roadmaps/ai-ml-engineer-12-months\">AI/ML engineer in 12 months</a>"))
                .body(containsString("251 h as suggested · about 12 months"))
                .body(containsString("Foundations"))
                .body(containsString("<a href=\"/which-path\" id=\"which-path-link\">"));
    }

    @Test
    void aCardShowsDifficultyHoursAsSuggestedMonthsAndRoles() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("<strong>Beginner</strong> · 26 h as suggested · about 2 months · For NLP engineer"));
        given().header("Accept-Language", "de").when().get("/").then().statusCode(200)
                .body(containsString("<a href=\"/roadmaps/" + id + "\">NLP von Grund auf (Test)</a>"))
                .body(containsString("<strong>Einsteiger</strong> · 26 Std. wie vorgeschlagen · etwa 2 Monate · Für NLP-Engineer"));
    }

    @Test
    void theFiltersKeepOnlyTheRoadmapsMadeForTheRoleBackgroundAndDifficulty() {
        given().when().get("/?role=nlp-engineer&background=self-taught&difficulty=beginner").then().statusCode(200)
                .body(containsString("href=\"/roadmaps/" + id + "\""))
                .body(containsString("<option value=\"nlp-engineer\" selected>NLP engineer</option>"))
                .body(anyOf(containsString("roadmaps match."), containsString("One roadmap matches.")))
                .body(containsString("href=\"/?role=nlp-engineer&amp;background=self-taught&amp;difficulty=beginner&amp;lang=de\""));
        given().when().get("/?role=nlp-engineer&difficulty=advanced").then().statusCode(200)
                .body(not(containsString("href=\"/roadmaps/" + id + "\"")));
        given().when().get("/?background=graduate").then().statusCode(200)
                .body(not(containsString("href=\"/roadmaps/" + id + "\"")));
        // A value the catalog does not offer filters nothing.
        given().when().get("/?role=astronaut").then().statusCode(200)
                .body(allOf(containsString("href=\"/roadmaps/" + id + "\""), containsString("href=\"/roadmaps/ai-ml-engineer-12-months\"")))
                .body(not(containsString("id=\"filter-result\"")));
    }

    @Test
    void aRoadmapPageShowsPhasesMilestonesAndResources() {
        given().when().get("/roadmaps/ai-ml-engineer-12-months").then().statusCode(200)
                .body(containsString("Set up Python and learn the basic syntax"))
                .body(containsString("Done when:"))
                .body(containsString("(months 0–1)"))
                .body(containsString("href=\"https://www.kaggle.com"));
        given().when().get("/roadmaps/no-such-roadmap").then().statusCode(404).body(containsString("No such roadmap"));
    }

    @Test
    void aGermanReaderReadsTheBundledFlagshipsMilestonesAndRecipeStepsInGerman() {
        given().when().get("/roadmaps/ai-ml-engineer-12-months?lang=de").then().statusCode(200)
                .body(containsString("<li>Tokenisiere den Text mit einem Tokenizer von Hugging Face.</li>"))
                .body(containsString("Baue ein Sentiment-Modell auf einem vortrainierten Transformer"))
                .body(containsString("Dein Chatbot ist deployt und antwortet passend zum erkannten Sentiment"))
                .body(not(containsString("Tokenize the text with a Hugging Face tokenizer.")))
                .body(not(containsString("Build a sentiment model on top of a pretrained transformer")));
    }

    @Test
    void aRoadmapPageSaysWhoItIsForAndShowsChoicesHabitsAndPrerequisites() {
        given().when().get("/roadmaps/" + id).then().statusCode(200)
                .body(containsString("<h2 id=\"audience\">Who it is for</h2>"))
                .body(containsString("Self-taught learners who want to work with text"))
                .body(containsString("Mostly cleaning text and reading error tables."))
                .body(containsString("A text classifier you can show"))
                .body(containsString("<h2 id=\"reality-check\">Reality check</h2>"))
                .body(containsString("<details><summary>Do I need a GPU?</summary><p>No, a laptop is enough for this one.</p></details>"))
                .body(containsString("<a href=\"/roadmaps/ai-ml-four-phases\">AI/ML in four phases</a>"))
                .body(not(containsString("no-such-roadmap")))
                .body(containsString("Skim one NLP paper <span class=\"muted\">(ongoing: 30 min a week)</span>"))
                .body(containsString("<strong>Choose one of:</strong>"))
                .body(containsString("<strong id=\"milestone-course-short\">The short course</strong> <span class=\"muted\">(8 h, learn) · <em class=\"tag\">recommended</em>"))
                .body(containsString("<strong id=\"milestone-maths-refresher\">Maths refresher</strong> <span class=\"muted\">(6 h, learn) · <em class=\"tag\">optional</em>"))
                .body(containsString("after: Python basics, The short course"))
                .body(containsString("<li>Book: Speech and Language Processing</li>"))
                .body(containsString("26 hours as suggested: without the optional milestones and the alternatives you do not pick (44 h listed)."));
    }

    @Test
    void aRoadmapPageIsInGermanWhereTheDocumentHasGermanTextsAndInEnglishElsewhere() {
        given().when().get("/roadmaps/" + id + "?lang=de").then().statusCode(200)
                .body(containsString("<h1>NLP von Grund auf (Test)</h1>"))
                .body(containsString("Grundlagen"))
                .body(containsString("Ein NLP-Paper überfliegen <span class=\"muted\">(laufend: 30 Min. pro Woche)</span>"))
                .body(containsString("<strong>Wähle eins davon:</strong>"))
                .body(containsString("nach: Python-Grundlagen, The short course"))
                .body(containsString("<li>Buch: Speech and Language Processing</li>"))
                .body(containsString("Zwei Monate sind ein Anfang, kein Job."))
                .body(containsString("Mostly cleaning text and reading error tables."))
                .body(containsString("<h2 id=\"audience\">Für wen sie gedacht ist</h2>"));
    }

    @Test
    void theQuestionnaireAsksSixQuestionsWithoutSuggestingAnything() {
        given().when().get("/which-path").then().statusCode(200)
                .body(containsString("What describes you best?"))
                .body(containsString("Which role are you aiming for?"))
                .body(containsString("How well do you know Python?"))
                .body(containsString("How is your maths?"))
                .body(containsString("name=\"hours\""))
                .body(containsString("name=\"months\""))
                .body(not(containsString("id=\"suggestion\"")))
                .body(not(containsString("id=\"error-summary\"")));
    }

    @Test
    void theQuestionnaireSuggestsTheRoadmapThatFitsWithItsReasonsAndASecondChoice() {
        String page = given().when().get(ANSWERS).then().statusCode(200).extract().asString();
        String suggestion = page.substring(page.indexOf("id=\"suggestion\""), page.indexOf("id=\"second-choice\""));

        assertThat(suggestion)
                .contains("NLP from scratch (test)")
                .contains("It prepares for the role you chose: NLP engineer")
                .contains("It is written for learners like you: Self-taught (learning on my own)")
                .contains("Its level matches your Python and maths: Beginner")
                .contains("At your hours a week it takes about a month, within the time you have.");
        assertThat(page.substring(page.indexOf("id=\"second-choice\"")))
                .contains("Second choice").contains("See the roadmap")
                .contains("<input type=\"radio\" name=\"role\" value=\"nlp-engineer\" checked>");
        given().when().get(ANSWERS + "&lang=de").then().statusCode(200)
                .body(containsString("Unser Vorschlag"))
                .body(containsString("Sie bereitet auf die Rolle vor, die du gewählt hast: NLP-Engineer"));
    }

    @Test
    void missingOrOutOfRangeAnswersComeBackAsA400WithTheErrorByEachField() {
        given().when().get("/which-path?background=self-taught&python=none&maths=school&hours=abc&months=99").then().statusCode(400)
                .body(containsString("id=\"error-summary\""))
                .body(containsString("<a href=\"#ask-role\">Role</a>: choose one"))
                .body(containsString("<a href=\"#ask-hours\">Hours a week</a>: a whole number of hours from 1 to 40"))
                .body(containsString("<a href=\"#ask-months\">Months</a>: a whole number of months from 1 to 36"))
                .body(containsString("id=\"hours\" name=\"hours\" type=\"number\" min=\"1\" max=\"40\" inputmode=\"numeric\" value=\"abc\" aria-invalid=\"true\""))
                .body(containsString("<input type=\"radio\" name=\"background\" value=\"self-taught\" checked>"))
                .body(not(containsString("id=\"suggestion\"")));
    }
}
