package dev.stride.notifier.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** What the emails carry besides their content. From and the SMTP server are standard {@code quarkus.mailer.*} keys. */
@ConfigMapping(prefix = "stride.mail")
public interface MailSettings {

    /** STRIDE_MAIL_REPLY_TO: where a learner's reply goes; unset, replies go to the From address. */
    Optional<String> replyTo();

    /** STRIDE_MAIL_MESSAGE_ID_DOMAIN: Message-IDs are {@code <email-id@domain>}, calendar UIDs end in it too. */
    @WithDefault("stride.dev")
    String messageIdDomain();

    /**
     * STRIDE_MAIL_PUBLIC_BASE_URL (else STRIDE_PUBLIC_BASE_URL): roadmap-service's public address. Every Stride link
     * an email request carries must point there; a request with a link anywhere else is dead-lettered unsent.
     */
    String publicBaseUrl();

    /** The weekly digest across a learner's roadmaps ({@code stride.mail.digest.*}). */
    Digest digest();

    interface Digest {

        /**
         * STRIDE_MAIL_DIGEST_HOLD: how long the parts of a digest are held for the ones still missing; a digest whose first
         * part is older goes with the parts it has.
         */
        @WithDefault("PT10M")
        Duration hold();

        /** STRIDE_MAIL_DIGEST_CHECK_EVERY: how often held digests are checked against the hold. */
        @WithDefault("5s")
        String checkEvery();

        /** Overdue digests sent per transaction. */
        @WithDefault("50")
        int batchSize();
    }
}
