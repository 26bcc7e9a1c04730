package dev.stride.roadmap.outbox;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.infra.KafkaBroker;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.roadmap.TestSupport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Test
    void twoRelaysAtOncePublishEveryEventOnceInOrderPerAggregate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int aggregates = 40;
        int perAggregate = 25;
        Map<String, List<UUID>> written = new HashMap<>();
        for (int batch = 0; batch < perAggregate; batch++) {
            int round = batch;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int a = 0; a < aggregates; a++) {
                    String aggregate = "relay-" + run + "-" + a;
                    UUID eventId = outbox.add(Topics.SUBSCRIPTION_EVENTS, aggregate,
                            new WeekSkipped(UUID.randomUUID(), LocalDate.of(2027, 1, 4).plusWeeks(round))).eventId();
                    written.computeIfAbsent(aggregate, k -> new ArrayList<>()).add(eventId);
                }
            });
        }

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> drain = () -> {
                int total = 0;
                int marked;
                do {
                    marked = relay.relayBatch();
                    total += marked;
                } while (marked > 0);
                return total;
            };
            List<Future<Integer>> relays = threads.invokeAll(List.of(drain, drain));
            for (Future<Integer> done : relays) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }

        Predicate<KafkaTestConsumer.Received> ours = record -> record.key() != null && record.key().startsWith("relay-" + run + "-");
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            events.await(ours, aggregates * perAggregate, Duration.ofSeconds(60));
            List<KafkaTestConsumer.Received> received = events.settle(ours, Duration.ofSeconds(2));
            assertThat(received).as("each event once").hasSize(aggregates * perAggregate);
            Map<String, List<UUID>> published = new HashMap<>();
            received.forEach(record -> published.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.envelope().eventId()));
            assertThat(published).isEqualTo(written);
        }
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE ?1 AND published_at IS NULL", "relay-" + run + "-%"))
                .isZero();
    }

    @Test
    void anEventIsPublishedInTheTraceOfTheSpanThatWroteIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        SpanContext request = SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        String aggregate = "traced-" + UUID.randomUUID();
        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.add(Topics.SUBSCRIPTION_EVENTS, aggregate,
                    new WeekSkipped(UUID.randomUUID(), LocalDate.of(2027, 1, 4))));
        }
        String untraced = "untraced-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.add(Topics.SUBSCRIPTION_EVENTS, untraced,
                new WeekSkipped(UUID.randomUUID(), LocalDate.of(2027, 1, 4))));
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND trace_parent = ?2", aggregate,
                "00-" + traceId + "-00f067aa0ba902b7-01")).as("the writer's traceparent kept with the row").isEqualTo(1);

        // The relay runs later, on its own thread, with no current span: only the row can bring the trace back.
        while (relay.relayBatch() > 0) {
            // drain
        }
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            KafkaTestConsumer.Received traced = events.await(KafkaTestConsumer.key(aggregate), 1, Duration.ofSeconds(30)).get(0);
            assertThat(traced.headers().get("traceparent")).as("next to the CloudEvents headers").startsWith("00-" + traceId + "-");
            assertThat(traced.headers()).containsKey("ce_id");
            KafkaTestConsumer.Received plain = events.await(KafkaTestConsumer.key(untraced), 1, Duration.ofSeconds(30)).get(0);
            assertThat(plain.headers()).doesNotContainKey("traceparent");
        }
    }

    @Test
    void withTheBrokerDownRequestsSucceedAndTheirEventsArriveWhenItIsBack() {
        KafkaBroker broker = TestInfrastructure.kafkaBroker().orElseThrow();
        List<UUID> subscriptions = new ArrayList<>();
        broker.suspend();
        try {
            for (int i = 0; i < 3; i++) {
                subscriptions.add(TestSupport.subscribe(TestSupport.uniqueEmail("outage"), TestSupport.ROADMAP, clock));
            }
            given().contentType(ContentType.JSON).when().get(ready).then().statusCode(200);
            // The outbox-age alert's gauge: the waiting events grow old while the broker is away.
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.get("stride.outbox.oldest.age").gauge().value() >= 2);
            for (UUID id : subscriptions) {
                assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND published_at IS NULL", id.toString()))
                        .as("pending while Kafka is down").isEqualTo(1);
            }
        } finally {
            broker.resume();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (UUID id : subscriptions) {
                assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND published_at IS NOT NULL", id.toString()))
                        .isEqualTo(1);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.get("stride.outbox.oldest.age").gauge().value() == 0);
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            for (UUID id : subscriptions) {
                assertThat(events.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(30)))
                        .extracting(KafkaTestConsumer.Received::type).containsExactly("SubscriptionRequested");
            }
        }
    }
}
