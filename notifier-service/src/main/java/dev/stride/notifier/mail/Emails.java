package dev.stride.notifier.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The emails' type-safe templates: {@code templates/Emails/<name>.html} and {@code .txt} (two variants of one template). */
public final class Emails {

    private Emails() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance weeklyNudge(Views.Weekly nudge);

        static native TemplateInstance completed(Views.Weekly nudge);

        static native TemplateInstance weeklyDigest(Views.Digest digest);

        static native TemplateInstance confirmation(Views.Confirmation confirmation);

        static native TemplateInstance goodbye(Views.Goodbye goodbye);

        static native TemplateInstance signIn(Views.SignIn signIn);

        static native TemplateInstance addressChange(Views.AddressChange change);
    }
}
