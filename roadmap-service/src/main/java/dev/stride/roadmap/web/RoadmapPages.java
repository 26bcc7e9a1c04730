package dev.stride.roadmap.web;

import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.plan.PlanView;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one way a roadmap's page is rendered, from its document: the published page and its subscribe form, a retired one,
 * and an author's draft (status {@code DRAFT}: no subscribe form) alike. Texts in the page's language ({@link RoadmapTexts}).
 */
@ApplicationScoped
public class RoadmapPages {

    private final CatalogService catalog;

    public RoadmapPages(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The page of a document with that status ({@code PUBLISHED}, {@code RETIRED}, {@code DRAFT}); form and preview only where one can subscribe. */
    public TemplateInstance render(RoadmapDocument document, String status, SubscribeForm form, PlanView preview, Locale locale) {
        RoadmapDocument texts = RoadmapTexts.in(document, locale);
        SubscribeForm shown = form == null ? SubscribeForm.blank(locale) : form;
        return PageLanguages.in(CatalogPages.Templates.roadmap(RoadmapPage.of(texts, status, next(document, locale)),
                shown, preview, ChoiceFields.of(texts, shown.choices(), shown.error("choices"))), locale);
    }

    public TemplateInstance render(PublishedRoadmap roadmap, SubscribeForm form, PlanView preview, Locale locale) {
        return render(roadmap.document(), roadmap.status().name(), form, preview, locale);
    }

    /** The growth path: the suggested roadmaps that exist and take learners, by their titles in the page's language. */
    List<RoadmapPage.Next> next(RoadmapDocument document, Locale locale) {
        if (document.next() == null) {
            return List.of();
        }
        return document.next().stream().map(id -> catalog.find(id).filter(found -> !found.retired())
                        .map(found -> new RoadmapPage.Next(id, RoadmapTexts.in(found.document(), locale).title())).orElse(null))
                .filter(Objects::nonNull).toList();
    }
}
