package dev.stride.notifier.mail;

import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.TestEvents;
import dev.stride.notifier.delivery.MailEventLoop;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP hang with a healthy server: a pooled connection that the network dropped without telling either end
 * (a NAT or firewall forgetting an idle flow) answers nothing, so a send reusing it waits for the send timeout.
 * With this service's pool settings ({@code quarkus.mailer.keep-alive-timeout}) a connection idle that long is
 * never reused. The Vert.x mail client here is the one behind the Quarkus mailer, built from the same
 * {@code quarkus.mailer.*} pool settings, but pointed through a proxy that can go silent on open connections.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class StalePooledConnectionTest {

    @Inject
    Vertx vertx;

    @Inject
    MailEventLoop mailEventLoop;

    @Test
    void aPooledConnectionTheNetworkDroppedSilentlyIsNotReusedOnceIdleForTheKeepAliveTimeout() throws Exception {
        Config config = ConfigProvider.getConfig();
        Duration keepAliveTimeout = config.getValue("quarkus.mailer.keep-alive-timeout", Duration.class);
        Duration cleanerPeriod = config.getValue("quarkus.mailer.pool-cleaner-period", Duration.class);
        assertThat(keepAliveTimeout).as("well below any server's or middlebox's idle limit").isLessThanOrEqualTo(Duration.ofSeconds(30));
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        try (SilencingProxy proxy = new SilencingProxy(sink.port())) {
            MailClient client = MailClient.create(vertx, new MailConfig()
                    .setHostname("127.0.0.1").setPort(proxy.port())
                    .setStarttls(StartTLSOptions.valueOf(config.getValue("quarkus.mailer.start-tls", String.class)))
                    .setKeepAlive(config.getValue("quarkus.mailer.keep-alive", Boolean.class))
                    .setPipelining(config.getValue("quarkus.mailer.pipelining", Boolean.class))
                    .setMaxPoolSize(config.getValue("quarkus.mailer.max-pool-size", Integer.class))
                    .setKeepAliveTimeout((int) keepAliveTimeout.toMillis()).setKeepAliveTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setPoolCleanerPeriod((int) cleanerPeriod.toMillis()).setPoolCleanerPeriodUnit(TimeUnit.MILLISECONDS));
            try {
                String first = TestEvents.uniqueEmail("pooled");
                send(mailEventLoop, client, first, Duration.ofSeconds(10));
                proxy.silenceOpenConnections();

                await().pollDelay(keepAliveTimeout.plus(cleanerPeriod).plusMillis(500)).atMost(keepAliveTimeout.plusSeconds(30)).until(() -> true);
                String second = TestEvents.uniqueEmail("after-idle");
                send(mailEventLoop, client, second, Duration.ofSeconds(3));

                assertThat(sink.messagesTo(second)).hasSize(1);
                assertThat(proxy.connections()).as("a fresh connection, not the dead one").isGreaterThanOrEqualTo(2);
            } finally {
                client.close();
            }
        }
    }

    /** As the sender sends: started on the mail event loop (see MailEventLoop). */
    private static void send(MailEventLoop loop, MailClient client, String to, Duration within) {
        MailMessage message = new MailMessage().setFrom("nudges@stride.localhost").setTo(to).setSubject("Week 1").setText("Hello");
        loop.run(() -> Uni.createFrom().completionStage(() -> client.sendMail(message).toCompletionStage())).await().atMost(within);
    }

    /** Forwards TCP to the SMTP server; {@link #silenceOpenConnections()} makes the open ones a dead line, as a dropped NAT entry does. */
    private static final class SilencingProxy implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final List<AtomicBoolean> silenced = new CopyOnWriteArrayList<>();

        SilencingProxy(int target) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        AtomicBoolean silent = new AtomicBoolean();
                        sockets.add(client);
                        sockets.add(upstream);
                        silenced.add(silent);
                        pump(client, upstream, silent);
                        pump(upstream, client, silent);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silencing-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return silenced.size();
        }

        void silenceOpenConnections() {
            silenced.forEach(silent -> silent.set(true));
        }

        private static void pump(Socket from, Socket to, AtomicBoolean silent) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                        if (!silent.get()) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silencing-proxy-pump");
            pump.setDaemon(true);
            pump.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
