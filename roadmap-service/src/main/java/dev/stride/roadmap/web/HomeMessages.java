package dev.stride.roadmap.web;

import dev.stride.roadmap.subscription.SubscribeIntake;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the sign-in, home, verify-address and stop-all pages ({@code {home:name}}), in English; German in
 * {@code messages/home_de.properties}.
 */
@MessageBundle("home")
public interface HomeMessages {

    // "Email me my links" (public: ?lang / Accept-Language).

    @Message("Email me my links")
    String signInTitle();

    @Message("Lost an email, or a link that expired? Type the address Stride emails you at: we send a link to a page with all your "
            + "roadmaps, each with a working link to manage it.")
    String signInIntro();

    @Message("Email")
    String signInEmail();

    /** The same words the API answers with. */
    @Message(SubscribeIntake.LINKS_SENT)
    String linksSent();

    // The home page (the learner's language).

    @Message("Your roadmaps")
    String homeTitle();

    @Message("{#if name}Hi {name}, your roadmaps{#else}Your roadmaps{/if}")
    String homeHeading(String name);

    @Message("Saved.")
    String saved();

    @Message("Saved. We sent a link to {address}: your emails go there once you follow it.")
    String savedAddress(String address);

    @Message("Roadmap")
    String columnRoadmap();

    @Message("Status")
    String columnStatus();

    @Message("Progress")
    String columnProgress();

    /** A subscription's status as the home page names it. */
    @Message("{#switch status}{#case 'PENDING'}Waiting for confirmation{#case 'ACTIVE'}Active{#case 'PAUSED'}Paused"
            + "{#case 'UNSUBSCRIBED'}Unsubscribed{#case 'EXPIRED'}Expired{#else}{status}{/switch}")
    String status(String status);

    @Message("{done} of {total} milestones done")
    String progress(long done, int total);

    @Message("Manage")
    String manage();

    /** Around the link "Pick one". */
    @Message("You follow no roadmap at the moment.")
    String noneBefore();

    @Message("Pick one")
    String noneLink();

    @Message(".")
    String noneAfter();

    /** Around the link "Email me my links". */
    @Message("This page's link works for a short while; the manage links on it work for months.")
    String linkLifeBefore();

    @Message("again any time.")
    String linkLifeAfter();

    @Message("Your profile")
    String profileTitle();

    @Message("Name")
    String profileName();

    @Message("Language of your emails")
    String profileLocale();

    @Message("How your weekly emails come")
    String profileEmails();

    @Message("One email a week for all my roadmaps")
    String profileEmailsDigest();

    @Message("A separate email for each roadmap")
    String profileEmailsSeparate();

    @Message("Email address")
    String profileEmail();

    @Message("A new address is used once you follow the link we email to it{#if pending} (waiting for {pending}){/if}.")
    String profileEmailHint(String pending);

    @Message("Save")
    String profileSave();

    // Verify a new address (the learner's language).

    @Message("Use this address")
    String verifyTitle();

    @Message("Use this address for Stride?")
    String verifyHeading();

    /** Around the address in bold. */
    @Message("From now on every email about your roadmaps goes to")
    String verifyBefore();

    @Message("instead of your old address.")
    String verifyAfter();

    @Message("If you did not ask for this, close this page: nothing changes.")
    String verifyNotMe();

    // Stop all Stride email (the learner's language).

    @Message("Stop all Stride email")
    String stopAllTitle();

    @Message("Stop all Stride email?")
    String stopAllHeading();

    @Message("This unsubscribes you from every roadmap you follow:")
    String stopAllWhat();

    @Message("You will get one short goodbye email and no nudges after it.")
    String stopAllGoodbye();

    @Message("You follow no roadmap any more, so Stride sends you no nudges.")
    String stopAllNone();
}
