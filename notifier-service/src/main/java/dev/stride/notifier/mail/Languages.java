package dev.stride.notifier.mail;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * The language an email is written in: the learner's, if a message bundle exists for it
 * ({@code messages/msg_<lang>.properties}, with {@code lead_<lang>.properties}), otherwise the default. Adding a language is
 * adding the files.
 */
@ApplicationScoped
public class Languages {

    private final Instance<MailMessages> bundles;
    private final Instance<LeadMessages> leads;
    private final Locale defaultLocale;

    public Languages(@Any Instance<MailMessages> bundles, @Any Instance<LeadMessages> leads,
                     @ConfigProperty(name = "quarkus.default-locale", defaultValue = "en") Locale defaultLocale) {
        this.bundles = bundles;
        this.leads = leads;
        this.defaultLocale = defaultLocale;
    }

    public Texts of(String learnerLocale) {
        String language = learnerLocale == null || learnerLocale.isBlank() ? ""
                : Locale.forLanguageTag(learnerLocale.trim().replace('_', '-')).getLanguage();
        if (!language.isEmpty() && !language.equals(defaultLocale.getLanguage())) {
            Instance<MailMessages> localized = bundles.select(Localized.Literal.of(language));
            if (localized.isResolvable()) {
                return new Texts(Locale.forLanguageTag(language), localized.get(), inLanguage(leads, language));
            }
        }
        return new Texts(defaultLocale, inLanguage(bundles, defaultLocale.toLanguageTag()), inLanguage(leads, defaultLocale.toLanguageTag()));
    }

    /** The bundle in this language, else the default one. */
    private static <T> T inLanguage(Instance<T> bundles, String language) {
        Instance<T> localized = bundles.select(Localized.Literal.of(language));
        return localized.isResolvable() ? localized.get() : bundles.select(Default.Literal.INSTANCE).get();
    }
}
