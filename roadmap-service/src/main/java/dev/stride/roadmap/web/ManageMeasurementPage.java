package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.engagement.Measurement;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The manage page's "Measure which emails help me" switch: {@code measured=true|false}; anything else is a 400 page naming
 * the field. Like every form here it is refused from another origin (CORS filter, application.properties).
 */
@Path("/manage/{token}/measurement")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ManageMeasurementPage {

    private final Measurement measurement;
    private final Links links;
    private final ProblemPages problems;

    public ManageMeasurementPage(Measurement measurement, Links links, ProblemPages problems) {
        this.measurement = measurement;
        this.links = links;
        this.problems = problems;
    }

    @POST
    public Response set(@PathParam("token") String token, @FormParam("measured") String measured) {
        try {
            UUID id = links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
            measurement.set(id, parse(measured));
            return Response.seeOther(URI.create("/manage/" + token + "#measurement")).build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }

    /** The one reading of the switch's value, for the form and the API alike. */
    public static boolean parse(String measured) {
        if ("true".equals(measured) || "false".equals(measured)) {
            return Boolean.parseBoolean(measured);
        }
        throw ProblemException.invalid("measured", FieldErrorCode.ONE_OF, Map.of("allowed", "true, false"));
    }
}
