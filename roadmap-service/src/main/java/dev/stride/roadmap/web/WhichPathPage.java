package dev.stride.roadmap.web;

import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PathAdvisor;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapTexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Which path fits me": six questions as a plain GET form (no JavaScript), answered by the same page with a suggested roadmap,
 * a second choice and the reasons ({@link PathAdvisor}). Unanswered or out-of-range answers come back as a 400 with the
 * error by each field. Public: the language follows {@code ?lang=} (a hidden field of the form) or the browser.
 */
@Path("/which-path")
@Produces(MediaType.TEXT_HTML)
public class WhichPathPage {

    static final int MAX_HOURS = 40;
    static final int MAX_MONTHS = 36;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance whichPath(Form form, List<PathAdvisor.Advice> advice);
    }

    /** The answers as given (kept in the form), the fields answered wrongly or not at all, and the address of the page for the language switch. */
    public record Form(String background, String role, String python, String maths, String hours, String months, Set<String> invalid) {

        public List<String> backgrounds() {
            return PathAdvisor.BACKGROUNDS;
        }

        public List<String> roles() {
            return PathAdvisor.ROLES;
        }

        public List<String> pythonLevels() {
            return PathAdvisor.PYTHON;
        }

        public List<String> mathsLevels() {
            return PathAdvisor.MATHS;
        }

        public boolean hasErrors() {
            return !invalid.isEmpty();
        }

        public boolean error(String field) {
            return invalid.contains(field);
        }

        public String switchBase() {
            if (background.isEmpty() && role.isEmpty() && python.isEmpty() && maths.isEmpty() && hours.isEmpty() && months.isEmpty()) {
                return "/which-path?";
            }
            return "/which-path?background=" + encode(background) + "&role=" + encode(role) + "&python=" + encode(python) + "&maths="
                    + encode(maths) + "&hours=" + encode(hours) + "&months=" + encode(months) + "&";
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final CatalogService catalog;
    private final PageLanguages languages;

    public WhichPathPage(CatalogService catalog, PageLanguages languages) {
        this.catalog = catalog;
        this.languages = languages;
    }

    @GET
    public Response page(@QueryParam("lang") String lang, @QueryParam("background") String background, @QueryParam("role") String role,
                         @QueryParam("python") String python, @QueryParam("maths") String maths, @QueryParam("hours") String hours,
                         @QueryParam("months") String months, @Context HttpHeaders headers) {
        Locale locale = languages.ofRequest(lang, headers);
        Set<String> errors = new LinkedHashSet<>();
        Form form = new Form(text(background), text(role), text(python), text(maths), text(hours), text(months), errors);
        boolean asked = !form.switchBase().equals("/which-path?");
        List<PathAdvisor.Advice> advice = List.of();
        if (asked) {
            choice("background", form.background(), PathAdvisor.BACKGROUNDS, errors);
            choice("role", form.role(), PathAdvisor.ROLES, errors);
            choice("python", form.python(), PathAdvisor.PYTHON, errors);
            choice("maths", form.maths(), PathAdvisor.MATHS, errors);
            int weekly = number("hours", form.hours(), MAX_HOURS, errors);
            int available = number("months", form.months(), MAX_MONTHS, errors);
            if (errors.isEmpty()) {
                PathAdvisor.Answers answers = new PathAdvisor.Answers(form.background(), form.role(), form.python(), form.maths(), weekly, available);
                List<PathAdvisor.Candidate> candidates = new ArrayList<>();
                for (PublishedRoadmap roadmap : catalog.published()) {
                    candidates.add(PathAdvisor.Candidate.of(RoadmapTexts.in(roadmap.document(), locale)));
                }
                advice = PathAdvisor.advise(answers, candidates).stream().limit(2).toList();
            }
        }
        Response.Status status = errors.isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST;
        return PageLanguages.negotiated(Response.status(status).entity(PageLanguages.in(Templates.whichPath(form, advice), locale)), locale)
                .header("Cache-Control", "public, max-age=60").build();
    }

    private static void choice(String field, String value, List<String> offered, Set<String> errors) {
        if (!offered.contains(value)) {
            errors.add(field);
        }
    }

    private static int number(String field, String value, int max, Set<String> errors) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a number: invalid like one out of range
        }
        errors.add(field);
        return 0;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
