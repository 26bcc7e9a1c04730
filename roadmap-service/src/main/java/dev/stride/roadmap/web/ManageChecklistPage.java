package dev.stride.roadmap.web;

import dev.stride.roadmap.engagement.Engagements;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Checklist;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The manage page's checklist form: every milestone's state ({@code state.<milestoneId>}) and minutes to add
 * ({@code minutes.<milestoneId>}) in one POST, applied all or nothing ({@link Checklist}); back to the manage page (303),
 * with the milestones done before what they build on in {@code ?unmet=} for its notice. Bad input is a 400 page naming each field.
 */
@Path("/manage/{token}/checklist")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ManageChecklistPage {

    private static final String STATE = "state.";
    private static final String MINUTES = "minutes.";

    private final Checklist checklist;
    private final Links links;
    private final ProblemPages problems;

    private final Engagements engagements;

    public ManageChecklistPage(Checklist checklist, Links links, ProblemPages problems, Engagements engagements) {
        this.engagements = engagements;
        this.checklist = checklist;
        this.links = links;
        this.problems = problems;
    }

    @POST
    public Response save(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        try {
            UUID id = links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
            List<String> unmet = engagements.within(id, Engagements.Action.CHECKLIST_SAVE, Optional.empty(), null,
                    () -> checklist.apply(id, entries(form)));
            String query = unmet.isEmpty() ? "" : "?" + ChecklistSection.UNMET + "=" + URLEncoder.encode(String.join(",", unmet), StandardCharsets.UTF_8);
            return Response.seeOther(URI.create("/manage/" + token + query + "#checklist")).build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }

    /** The form's rows by milestone, in the order the form lists them; a field given twice is refused by {@link Checklist}. */
    static List<Checklist.Entry> entries(MultivaluedMap<String, String> form) {
        Set<String> ids = new LinkedHashSet<>();
        form.keySet().forEach(key -> {
            if (key.startsWith(STATE)) {
                ids.add(key.substring(STATE.length()));
            } else if (key.startsWith(MINUTES)) {
                ids.add(key.substring(MINUTES.length()));
            }
        });
        List<Checklist.Entry> entries = new ArrayList<>();
        for (String id : ids) {
            List<String> states = form.getOrDefault(STATE + id, List.of());
            List<String> minutes = form.getOrDefault(MINUTES + id, List.of());
            if (states.size() > 1 || minutes.size() > 1) {
                entries.add(new Checklist.Entry(id, null, null));
            }
            entries.add(new Checklist.Entry(id, states.isEmpty() ? null : states.get(0), minutes.isEmpty() ? null : minutes.get(0)));
        }
        return entries;
    }
}
