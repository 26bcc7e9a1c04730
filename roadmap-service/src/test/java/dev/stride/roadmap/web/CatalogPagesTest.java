package dev.stride.roadmap.web;

import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The banner's catalog URL and the goodbye email's "subscribe again" link lead to real pages. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class CatalogPagesTest {

    @Test
    void theCatalogListsTheRoadmapsWithTheirFigures() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<a href=\"/roadmaps/ai-ml-engineer-12-months\">AI/ML engineer in 12 months</a>"))
                .body(containsString("47 milestones · 266 hours in all · suggested 5–10 h a week, which means about 12 months"))
                .body(containsString("Foundations"));
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
}
