package dev.stride.infra.mail;

import dev.stride.infra.InfrastructureException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A real SMTP server (subethasmtp) on 127.0.0.1 that accepts every message and keeps it: in memory for
 * the inbox and, when given a folder, as {@code .eml} files that survive a restart. It can be told to
 * refuse some recipients ({@link SmtpReplyRule}) and can be stopped and started again on the same port
 * to play an outage.
 */
public final class SmtpSink implements AutoCloseable {

    private final int port;
    private final Path folder;
    private final Clock clock;
    // Not copy-on-write: a burst of 100,000 messages would copy the list 100,000 times.
    private final List<StoredMail> messages = Collections.synchronizedList(new ArrayList<>());
    private final List<SmtpReplyRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong lastId = new AtomicLong();
    private SMTPServer server;

    private SmtpSink(int port, Path folder, Clock clock) {
        this.port = port;
        this.folder = folder;
        this.clock = clock;
    }

    /** Starts a server on {@code port}; {@code folder} (may be null) keeps the messages between runs. */
    public static SmtpSink start(int port, Path folder) {
        SmtpSink sink = new SmtpSink(port, folder, Clock.systemUTC());
        sink.load();
        sink.resume();
        return sink;
    }

    public int port() {
        return port;
    }

    public List<StoredMail> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    public int count() {
        return messages.size();
    }

    public List<StoredMail> messagesTo(String address) {
        return messages().stream().filter(mail -> mail.isFor(address)).toList();
    }

    public Optional<StoredMail> message(long id) {
        return messages().stream().filter(mail -> mail.id() == id).findFirst();
    }

    public void clear() {
        messages.clear();
        if (folder != null) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(SmtpSink::isStoredMail).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void addRule(SmtpReplyRule rule) {
        rules.add(rule);
    }

    public void clearRules() {
        rules.clear();
    }

    /** Stops listening: clients now meet "connection refused", as with a mail server that is down. */
    public synchronized void suspend() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void resume() {
        if (server != null) {
            return;
        }
        SMTPServer started = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("stride-smtp.localhost")
                .softwareName("Stride SMTP sink")
                .maxConnections(200)
                .messageHandlerFactory(Handler::new)
                .build();
        try {
            started.start();
        } catch (RuntimeException e) {
            throw new InfrastructureException("The SMTP server could not listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + ". Stop what uses the port or choose another with --smtp-port.", e);
        }
        server = started;
    }

    @Override
    public void close() {
        suspend();
    }

    private void load() {
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> stored = files.filter(SmtpSink::isStoredMail)
                        .sorted(Comparator.comparingLong(SmtpSink::idOf)).toList();
                for (Path file : stored) {
                    long id = idOf(file);
                    List<String> lines = Files.readAllLines(file.resolveSibling(file.getFileName() + ".envelope"));
                    messages.add(new StoredMail(id, Instant.parse(lines.get(0)), lines.get(1),
                            lines.subList(2, lines.size()), Files.readAllBytes(file)));
                    lastId.set(Math.max(lastId.get(), id));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException("The stored mail in " + folder + " cannot be read (" + e.getMessage()
                    + "); start again with --fresh to empty the inbox.", e);
        }
    }

    private void store(StoredMail mail) {
        if (folder != null) {
            try {
                Path file = folder.resolve(mail.id() + ".eml");
                List<String> envelope = new ArrayList<>();
                envelope.add(mail.receivedAt().toString());
                envelope.add(mail.envelopeFrom());
                envelope.addAll(mail.envelopeTo());
                Files.write(file.resolveSibling(file.getFileName() + ".envelope"), envelope);
                Path partial = folder.resolve(mail.id() + ".eml.partial");
                Files.write(partial, mail.raw());
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        messages.add(mail);
    }

    private static boolean isStoredMail(Path file) {
        return file.getFileName().toString().matches("\\d+\\.eml");
    }

    private static long idOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    private final class Handler implements MessageHandler {
        private String from = "";
        private final List<String> recipients = new ArrayList<>();

        Handler(MessageContext context) {
        }

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            for (SmtpReplyRule rule : rules) {
                if (rule.matches(recipient)) {
                    throw new RejectException(rule.code(), rule.text());
                }
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            byte[] raw = data.readAllBytes();
            store(new StoredMail(lastId.incrementAndGet(), clock.instant(), from, recipients, raw));
            return null;
        }

        @Override
        public void done() {
        }
    }
}
