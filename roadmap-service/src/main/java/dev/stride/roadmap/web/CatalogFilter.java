package dev.stride.roadmap.web;

import dev.stride.roadmap.catalog.PathAdvisor;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapHours;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The catalog's filters (role, background, difficulty: a plain GET form, so no JavaScript is needed). A value the catalog does
 * not offer filters nothing, so an old or mistyped link still shows roadmaps.
 */
public record CatalogFilter(String role, String background, String difficulty) {

    public static final List<String> ROLES = PathAdvisor.ROLES.stream().filter(role -> !role.equals("unsure")).toList();
    public static final List<String> BACKGROUNDS = PathAdvisor.BACKGROUNDS;
    public static final List<String> DIFFICULTIES = PathAdvisor.DIFFICULTIES;

    public static CatalogFilter of(String role, String background, String difficulty) {
        return new CatalogFilter(offered(role, ROLES), offered(background, BACKGROUNDS), offered(difficulty, DIFFICULTIES));
    }

    public List<String> roleChoices() {
        return ROLES;
    }

    public List<String> backgroundChoices() {
        return BACKGROUNDS;
    }

    public List<String> difficultyChoices() {
        return DIFFICULTIES;
    }

    public boolean any() {
        return !role.isEmpty() || !background.isEmpty() || !difficulty.isEmpty();
    }

    public boolean matches(RoadmapDocument doc) {
        return (role.isEmpty() || doc.roles() != null && doc.roles().contains(role))
                && (background.isEmpty() || doc.backgrounds() != null && doc.backgrounds().contains(background))
                && (difficulty.isEmpty() || difficulty.equals(doc.difficulty()));
    }

    /** The catalog's address with these filters, ready for {@code lang=} to be appended (the language switch). */
    public String switchBase() {
        StringBuilder base = new StringBuilder("/?");
        append(base, "role", role);
        append(base, "background", background);
        append(base, "difficulty", difficulty);
        return base.toString();
    }

    /** One card of the catalog, from a document in the page's language. */
    public record Card(String id, String title, String summary, String difficulty, List<String> roles, BigDecimal hoursInPlay, int months,
                       int milestoneCount, List<RoadmapDocument.Phase> phases) {

        static Card of(RoadmapDocument doc) {
            return new Card(doc.id(), doc.title(), doc.summary(), doc.difficulty(), doc.roles() == null ? List.of() : doc.roles(),
                    RoadmapHours.hoursInPlay(doc), doc.durationMonths() == null ? 0 : doc.durationMonths(), doc.milestones().size(),
                    doc.phases() == null ? List.of() : doc.phases());
        }
    }

    private static String offered(String value, List<String> offered) {
        return value != null && offered.contains(value.strip()) ? value.strip() : "";
    }

    private static void append(StringBuilder base, String name, String value) {
        if (!value.isEmpty()) {
            base.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }
}
