package dev.stride.roadmap.web;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorTexts;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Field errors on the pages in the page's language: {@code {error.text}} for one, {@code {errors.texts}} for a field's
 * several (joined by "; "). The words come from the error's code and values ({@link FieldErrorTexts}); the language is the
 * one {@link PageLanguages} put on the template.
 */
@TemplateExtension
final class PageFieldErrors {

    private PageFieldErrors() {
    }

    static String text(FieldError error, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return FieldErrorTexts.text(error, PageDates.language(locale));
    }

    static String texts(List<FieldError> errors, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return errors.stream().map(error -> FieldErrorTexts.text(error, PageDates.language(locale))).collect(Collectors.joining("; "));
    }
}
