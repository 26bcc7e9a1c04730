package dev.stride.roadmap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.privacy.LearnerData;
import dev.stride.roadmap.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * From the manage page: download everything Stride holds about the learner (JSON), or erase it after a confirmation
 * page. {@link ManagePage} routes {@code /manage/{token}/data...} here (a second resource class under the same path
 * would never be matched).
 */
@ApplicationScoped
public class DataPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erase(String action, String manageUrl, int subscriptions);

        static native TemplateInstance erased(int subscriptions);
    }

    private final LearnerData learnerData;
    private final Links links;
    private final ObjectMapper json;
    private final PageLanguages languages;
    private final ProblemPages problems;

    public DataPages(LearnerData learnerData, Links links, ObjectMapper json, PageLanguages languages, ProblemPages problems) {
        this.problems = problems;
        this.learnerData = learnerData;
        this.links = links;
        this.languages = languages;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    Response download(String token) {
        return page(token, id -> {
            try {
                return Response.ok(json.writeValueAsString(learnerData.export(id)), MediaType.APPLICATION_JSON_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"stride-data.json\"").header("Cache-Control", "no-store").build();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("export of " + id + " cannot be written as JSON", e);
            }
        });
    }

    Response confirmErase(String token) {
        return page(token, id -> {
            LearnerData.Export held = learnerData.export(id);
            return Response.ok(PageLanguages.in(Templates.erase("/manage/" + token + "/data/erase", "/manage/" + token,
                    held.subscriptions().size()), languages.ofLearner(held.learner().locale()))).header("Cache-Control", "no-store").build();
        });
    }

    Response erase(String token) {
        return page(token, id -> {
            // Told in the language of the learner who is gone once this returns.
            Locale locale = languages.ofLearner(learnerData.export(id).learner().locale());
            return Response.ok(PageLanguages.in(Templates.erased(learnerData.erase(id).subscriptionIds().size()), locale))
                    .header("Cache-Control", "no-store").build();
        });
    }

    private Response page(String token, Function<UUID, Response> action) {
        try {
            return action.apply(links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId());
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }
}
