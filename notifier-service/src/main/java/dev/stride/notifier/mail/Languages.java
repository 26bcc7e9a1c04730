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
 * ({@code messages/msg_<lang>.properties}), otherwise the default. Adding a language is adding a file.
 */
@ApplicationScoped
public class Languages {

    private final Instance<MailMessages> bundles;
    private final Locale defaultLocale;

    public Languages(@Any Instance<MailMessages> bundles, @ConfigProperty(name = "quarkus.default-locale", defaultValue = "en") Locale defaultLocale) {
        this.bundles = bundles;
        this.defaultLocale = defaultLocale;
    }

    public Texts of(String learnerLocale) {
        String language = learnerLocale == null || learnerLocale.isBlank() ? ""
                : Locale.forLanguageTag(learnerLocale.trim().replace('_', '-')).getLanguage();
        if (!language.isEmpty() && !language.equals(defaultLocale.getLanguage())) {
            Instance<MailMessages> localized = bundles.select(Localized.Literal.of(language));
            if (localized.isResolvable()) {
                return new Texts(Locale.forLanguageTag(language), localized.get());
            }
        }
        Instance<MailMessages> byDefaultLocale = bundles.select(Localized.Literal.of(defaultLocale.toLanguageTag()));
        MailMessages fallback = byDefaultLocale.isResolvable() ? byDefaultLocale.get() : bundles.select(Default.Literal.INSTANCE).get();
        return new Texts(defaultLocale, fallback);
    }
}
