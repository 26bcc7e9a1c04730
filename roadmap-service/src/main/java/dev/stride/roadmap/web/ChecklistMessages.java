package dev.stride.roadmap.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The manage page's checklist form and its "what next" ({@code {check:name}}, {@code tags/checklistForm.html}), in English;
 * German in {@code messages/check_de.properties}.
 */
@MessageBundle("check")
public interface ChecklistMessages {

    @Message("Set each milestone's state and add the minutes you studied, then save once.")
    String intro();

    @Message("Add minutes")
    String addMinutes();

    @Message("Save checklist")
    String save();

    /** After a save that marked milestones done before what they build on. */
    @Message("Saved. Some milestones you marked done build on others still open; that is fine if you learnt those elsewhere. "
            + "Otherwise go back to them first:")
    String unmetIntro();

    @Message("{title} builds on")
    String unmetBuildsOn(String title);

    @Message("What next?")
    String nextTitle();

    @Message("You have worked through every milestone of this roadmap. Learners who finish it often go on with:")
    String nextIntro();

    @Message("Subscribe")
    String nextSubscribe();

    @Message("Browse every roadmap")
    String nextCatalog();
}
