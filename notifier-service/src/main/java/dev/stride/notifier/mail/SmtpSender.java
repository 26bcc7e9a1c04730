package dev.stride.notifier.mail;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands a composed email to the Vert.x mail client that Quarkus configures from {@code quarkus.mailer.*} (pool,
 * TLS, credentials, {@code from}). Not through the Quarkus {@code ReactiveMailer}: it always gives the client a Cc
 * list, empty or not, and the client then writes an empty {@code Cc:} header into every email. {@link EmailComposer}
 * builds the client's message itself, with no Cc or Bcc, so no header goes out without a value.
 */
@ApplicationScoped
public class SmtpSender {

    private final MailClient client;
    private final String from;

    public SmtpSender(MailClient client, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.client = client;
        this.from = from;
    }

    public Uni<Void> send(MailMessage message) {
        if (message.getFrom() == null) {
            message.setFrom(from);
        }
        return client.sendMail(message).replaceWithVoid();
    }
}
