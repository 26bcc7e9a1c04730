package dev.stride.roadmap.link;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Test only: fails with the token it was given in its path and in its exception's message. */
@Path(FailingTestResource.PATH + "{token}")
public class FailingTestResource {

    static final String PATH = "/test-only/fail/";

    @GET
    public String fail(@PathParam("token") String token) {
        throw new IllegalStateException("cannot use " + token);
    }
}
