package dev.stride.notifier.delivery;

import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hang with a healthy server: a send started off the mail client's event loop can miss the server's greeting
 * on a new connection and wait for nothing. Started through {@link MailEventLoop}, none does. New connections are
 * what it takes, so this client opens one per email (no pooling), and every send is started from a worker
 * context, as the sender's threads are: without MailEventLoop about half of these hang (measured with the same
 * Vert.x mail client and SMTP server, see the README).
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class MailEventLoopTest {

    private static final int SENDS = 150;

    @Inject
    Vertx vertx;

    @Inject
    MailEventLoop mailEventLoop;

    @Test
    void sendsOverNewConnectionsStartedFromWorkerThreadsNeverHang() throws Exception {
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        MailClient client = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(sink.port())
                .setStarttls(StartTLSOptions.OPTIONAL).setKeepAlive(false));
        Context worker = ((VertxInternal) vertx).createWorkerContext();
        List<String> hung = new ArrayList<>();
        try {
            for (int i = 0; i < SENDS; i++) {
                String to = TestEvents.uniqueEmail("fresh-connection-" + i);
                MailMessage message = new MailMessage().setFrom("nudges@stride.localhost").setTo(to).setSubject("Week 1").setText("Hello");
                CompletableFuture<Void> sent = new CompletableFuture<>();
                worker.runOnContext(ignored -> mailEventLoop.run(() -> Uni.createFrom().completionStage(() -> client.sendMail(message).toCompletionStage()))
                        .subscribe().with(result -> sent.complete(null), sent::completeExceptionally));
                try {
                    sent.get(Duration.ofSeconds(3).toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    hung.add(to);
                }
            }
        } finally {
            client.close();
        }
        assertThat(hung).as("sends that got no answer within 3 s").isEmpty();
    }
}
