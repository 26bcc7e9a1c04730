package dev.stride.roadmap.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a page is written in: the one home of that choice. A learner's own pages (manage, data, confirm and
 * the other link pages) follow the learner's profile; public pages (catalog, roadmap, "check your email") follow
 * {@code ?lang=} (the language switch), else the browser's {@code Accept-Language}; anything else is the default
 * language. Only languages with a bundle count ({@code messages/msg_<lang>.properties}): adding a language is adding
 * its bundle files. The chosen locale goes onto the template ({@link #in}), so every {@code {msg:...}},
 * {@code {manage:...}} and {@code {link:...}} and {@code <html lang>} follow it.
 */
@ApplicationScoped
public class PageLanguages {

    private final Instance<PageMessages> bundles;
    private final Locale defaultLocale;

    public PageLanguages(@Any Instance<PageMessages> bundles,
                         @ConfigProperty(name = "quarkus.default-locale", defaultValue = "en") Locale defaultLocale) {
        this.bundles = bundles;
        this.defaultLocale = Locale.forLanguageTag(defaultLocale.getLanguage());
    }

    /** A learner's page: the language of their profile (or, before confirming, the one they asked for). */
    public Locale ofLearner(String locale) {
        return supported(locale).orElse(defaultLocale);
    }

    /** A public page: the switch's {@code ?lang=} if it names a language we have, else the browser's first one we have. */
    public Locale ofRequest(String chosen, HttpHeaders headers) {
        Optional<Locale> picked = supported(chosen);
        if (picked.isPresent()) {
            return picked.get();
        }
        if (headers != null) {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                picked = supported(wanted.getLanguage());
                if (picked.isPresent()) {
                    return picked.get();
                }
            }
        }
        return defaultLocale;
    }

    /** The template in that language. */
    public static TemplateInstance in(TemplateInstance page, Locale locale) {
        return page.setLocale(locale);
    }

    /** A public page chosen by Accept-Language: caches must keep one copy per language, and say which it is. */
    public static Response.ResponseBuilder negotiated(Response.ResponseBuilder response, Locale locale) {
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
    }

    private Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.equals("*")) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        if (language.isEmpty()) {
            return Optional.empty();
        }
        if (language.equals(defaultLocale.getLanguage()) || bundles.select(Localized.Literal.of(language)).isResolvable()) {
            return Optional.of(Locale.forLanguageTag(language));
        }
        return Optional.empty();
    }
}
