package dev.stride.infra.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stride.infra.InfrastructureException;
import dev.stride.infra.trace.TraceReceiver;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web inbox over an {@link SmtpSink}: pages a person opens in a browser, and a JSON API that lists
 * the received messages with their raw MIME source.
 *
 * <pre>
 * GET    /                          the inbox, newest first
 * GET    /messages/{id}             one message: headers, text part, HTML part, attachments
 * GET    /messages/{id}/html        the HTML part alone (sandboxed)
 * GET    /messages/{id}.eml         the raw source
 * GET    /api/messages[?to=addr]    JSON: [{id, receivedAt, envelopeFrom, envelopeTo, subject, messageId, raw}]
 * GET    /api/messages/{id}         JSON: one message
 * DELETE /api/messages              empties the inbox
 * POST   /v1/traces                 OTLP/HTTP span export ({@link TraceReceiver})
 * GET    /traces                    the exported spans, one JSON line each
 * </pre>
 */
public final class InboxWeb implements AutoCloseable {

    private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d+)(/html|\\.eml)?");
    private static final Pattern API_MESSAGE = Pattern.compile("/api/messages/(\\d+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SmtpSink sink;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();

    private InboxWeb(SmtpSink sink, HttpServer server) {
        this.sink = sink;
        this.server = server;
    }

    /** The inbox on {@code port}, with the local trace receiver mounted beside it (linked from the inbox page). */
    public static InboxWeb start(SmtpSink sink, int port, TraceReceiver traces) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new InfrastructureException("The web inbox could not listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + ". Stop what uses the port or choose another with --inbox-port.", e);
        }
        InboxWeb web = new InboxWeb(sink, server);
        server.createContext("/", web::handle);
        server.createContext(TraceReceiver.EXPORT_PATH, traces::export);
        server.createContext(TraceReceiver.FILE_PATH, traces::serve);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "inbox-web");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return web;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher message = MESSAGE.matcher(path);
            Matcher apiMessage = API_MESSAGE.matcher(path);
            if (path.equals("/api/messages") && method.equals("DELETE")) {
                sink.clear();
                send(exchange, 204, null, new byte[0]);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "Method not allowed".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/api/messages")) {
                String to = query(exchange, "to");
                List<StoredMail> mails = to == null ? sink.messages() : sink.messagesTo(to);
                ArrayNode list = json.createArrayNode();
                mails.forEach(mail -> list.add(toJson(mail)));
                sendJson(exchange, list);
            } else if (apiMessage.matches()) {
                Optional<StoredMail> mail = sink.message(Long.parseLong(apiMessage.group(1)));
                if (mail.isPresent()) {
                    sendJson(exchange, toJson(mail.get()));
                } else {
                    notFound(exchange);
                }
            } else if (message.matches()) {
                Optional<StoredMail> mail = sink.message(Long.parseLong(message.group(1)));
                if (mail.isEmpty()) {
                    notFound(exchange);
                } else if (".eml".equals(message.group(2))) {
                    send(exchange, 200, "message/rfc822", mail.get().raw());
                } else if ("/html".equals(message.group(2))) {
                    exchange.getResponseHeaders().add("Content-Security-Policy", "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation");
                    String html = MailParts.of(mail.get().parse()).html();
                    send(exchange, 200, "text/html; charset=utf-8", (html == null ? "<p>(no HTML part)</p>" : html).getBytes(StandardCharsets.UTF_8));
                } else {
                    sendHtml(exchange, messagePage(mail.get()));
                }
            } else if (path.equals("/")) {
                sendHtml(exchange, listPage());
            } else {
                notFound(exchange);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", ("Inbox error: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private ObjectNode toJson(StoredMail mail) {
        ObjectNode node = json.createObjectNode();
        node.put("id", mail.id());
        node.put("receivedAt", mail.receivedAt().toString());
        node.put("envelopeFrom", mail.envelopeFrom());
        ArrayNode to = node.putArray("envelopeTo");
        mail.envelopeTo().forEach(to::add);
        node.put("subject", mail.subject());
        node.put("messageId", header(mail.parse(), "Message-ID"));
        node.put("raw", mail.rawText());
        return node;
    }

    private String listPage() {
        StringBuilder rows = new StringBuilder();
        List<StoredMail> mails = sink.messages().stream().sorted(Comparator.comparingLong(StoredMail::id).reversed()).toList();
        for (StoredMail mail : mails) {
            rows.append("<tr><td>").append(TIME.format(mail.receivedAt().atZone(ZoneId.systemDefault())))
                    .append("</td><td>").append(escape(String.join(", ", mail.envelopeTo())))
                    .append("</td><td><a href=\"/messages/").append(mail.id()).append("\">")
                    .append(escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject())).append("</a></td></tr>\n");
        }
        String body = mails.isEmpty()
                ? "<p>No mail yet. Messages sent to the SMTP server on port " + sink.port() + " appear here.</p>"
                : "<table><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>\n"
                        + rows + "</tbody></table>";
        return page("Inbox (" + mails.size() + ")", "<meta http-equiv=\"refresh\" content=\"5\">",
                "<h1>Stride inbox</h1><p>Every message the local SMTP server received. JSON: <a href=\"/api/messages\">/api/messages</a>."
                        + " The services' traces: <a href=\"" + TraceReceiver.FILE_PATH + "\">" + TraceReceiver.FILE_PATH + "</a> (one span per line).</p>"
                        + body);
    }

    private String messagePage(StoredMail mail) {
        MimeMessage parsed = mail.parse();
        MailParts parts = MailParts.of(parsed);
        StringBuilder attachments = new StringBuilder();
        for (MailParts.Attachment attachment : parts.attachments()) {
            attachments.append("<li>").append(escape(String.valueOf(attachment.filename()))).append(" (")
                    .append(escape(attachment.contentType())).append(", ").append(attachment.content().length).append(" bytes)</li>");
        }
        String body = "<p><a href=\"/\">&larr; Inbox</a> · <a href=\"/messages/" + mail.id() + ".eml\">Raw source</a></p>"
                + "<h1>" + escape(mail.subject()) + "</h1>"
                + "<dl><dt>From</dt><dd>" + escape(header(parsed, "From")) + "</dd>"
                + "<dt>To</dt><dd>" + escape(header(parsed, "To")) + "</dd>"
                + "<dt>Date</dt><dd>" + escape(header(parsed, "Date")) + "</dd></dl>"
                + (parts.html() == null ? "" : "<h2>HTML</h2><iframe title=\"HTML part\" sandbox=\"allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\" src=\"/messages/"
                        + mail.id() + "/html\"></iframe>")
                + (parts.text() == null ? "" : "<h2>Text</h2><pre>" + escape(parts.text()) + "</pre>")
                + (attachments.isEmpty() ? "" : "<h2>Attachments</h2><ul>" + attachments + "</ul>");
        return page(mail.subject(), "", body);
    }

    private static String page(String title, String head, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + head + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}"
                + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}"
                + "iframe{width:100%;height:36rem;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}"
                + "dt{font-weight:bold}a{color:#0645ad}</style></head><body>" + body + "</body></html>";
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ", ");
            return value == null ? "" : value;
        } catch (Exception e) {
            return "";
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void sendJson(HttpExchange exchange, Object node) throws IOException {
        send(exchange, 200, "application/json", json.writeValueAsBytes(node));
    }

    private static void sendHtml(HttpExchange exchange, String html) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
