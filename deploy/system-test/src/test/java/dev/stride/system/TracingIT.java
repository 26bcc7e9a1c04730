package dev.stride.system;

import dev.stride.infra.mail.StoredMail;
import dev.stride.infra.trace.ExportedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18's bar: one learner action followed to the email through the spans the three services exported (the
 * OpenTelemetry agent the launcher attaches, to its local receiver). The learner confirms a subscription; the POST is
 * one trace that goes through the roadmap-service's outbox (the row keeps the request's trace) into the
 * reminder-service, which schedules the welcome nudge. The dispatch is a trace of its own that links back to that
 * scheduling, and carries on into the notifier-service's SMTP exchange. It fails when the outbox or the nudge row
 * loses the context: then the confirmation's trace has no reminder-service span, or no dispatch links to it.
 */
class TracingIT {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://localhost:\\d+/confirm/([A-Za-z0-9._~-]+))");

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void aConfirmationIsFollowedFromItsRequestToTheWelcomeEmailsSmtpExchange() throws Exception {
        String email = StrideSession.newAddress("traced");
        Browsing browser = stride.browser();
        String json = """
                {"email": "%s", "name": "Trace", "locale": "en", "roadmapId": "ai-ml-engineer-12-months", "startDate": "%s",
                 "plan": {"timeZone": "Europe/Berlin", "slots": [{"day": "TUESDAY", "start": "18:00", "minutes": 90}],
                          "nudge": {"day": "MONDAY", "time": "07:30"}}}""".formatted(email, stride.demoToday(ZoneId.of("Europe/Berlin")));
        HttpResponse<String> subscribed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stride.roadmapUrl("/api/subscriptions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
        StoredMail confirmation = stride.awaitMail(email, "Confirm your weekly study emails");
        var link = find(CONFIRM_LINK, text(confirmation));
        String token = link.group(2);
        browser.open(link.group(1));
        browser.press(By.tagName("button"));
        browser.awaitHeading("Subscription confirmed");
        stride.awaitMail(email, "Welcome to");

        // Spans are exported within about a second of their end; the chain is complete once the SMTP span is in.
        Chain chain = await("the confirmation's spans through to the welcome's SMTP exchange").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> chain(stride.spans(), token), found -> found.smtp().isPresent());

        assertThat(chain.confirmServices()).as("the confirmation's trace: the request, the outbox relay, the reminder's consumer")
                .contains("roadmap-service", "reminder-service");
        assertThat(chain.dispatch()).as("a dispatch linked to the scheduling in the confirmation's trace").isPresent();
        assertThat(chain.dispatchServices()).as("the dispatch's trace reaches the notifier").contains("reminder-service", "notifier-service");
        ExportedSpan smtp = chain.smtp().orElseThrow();
        assertThat(smtp.attributes()).containsEntry("stride.email.kind", "NUDGE").containsKey("stride.email.id");
        assertThat(smtp.attributes().values()).as("never the address").noneMatch(value -> value.contains(email));
    }

    /** What the spans show of one confirmation: its trace's services, the dispatch linked to it, that trace's services and SMTP span. */
    private record Chain(Set<String> confirmServices, Optional<ExportedSpan> dispatch, Set<String> dispatchServices, Optional<ExportedSpan> smtp) {
    }

    private static Chain chain(List<ExportedSpan> spans, String token) {
        Optional<String> confirmTrace = spans.stream()
                .filter(span -> span.service().equals("roadmap-service") && span.kind().equals("server"))
                .filter(span -> span.attributes().getOrDefault("url.path", "").contains(token)
                        && "POST".equals(span.attributes().get("http.request.method")))
                .map(ExportedSpan::traceId).findFirst();
        if (confirmTrace.isEmpty()) {
            return new Chain(Set.of(), Optional.empty(), Set.of(), Optional.empty());
        }
        Set<String> inConfirmTrace = spans.stream().filter(span -> span.traceId().equals(confirmTrace.get()))
                .map(ExportedSpan::spanId).collect(Collectors.toSet());
        Set<String> confirmServices = services(spans, confirmTrace.get());
        Optional<ExportedSpan> dispatch = spans.stream()
                .filter(span -> span.service().equals("reminder-service") && span.name().equals("nudge dispatch"))
                .filter(span -> span.links().stream().anyMatch(l -> l.traceId().equals(confirmTrace.get()) && inConfirmTrace.contains(l.spanId())))
                .findFirst();
        Set<String> dispatchServices = dispatch.map(d -> services(spans, d.traceId())).orElse(Set.of());
        Optional<ExportedSpan> smtp = dispatch.flatMap(d -> spans.stream()
                .filter(span -> span.traceId().equals(d.traceId()) && span.service().equals("notifier-service") && span.name().equals("smtp send"))
                .findFirst());
        return new Chain(confirmServices, dispatch, dispatchServices, smtp);
    }

    private static Set<String> services(List<ExportedSpan> spans, String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).map(ExportedSpan::service).collect(Collectors.toSet());
    }
}
