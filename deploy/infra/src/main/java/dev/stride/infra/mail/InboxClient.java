package dev.stride.infra.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Stride web inbox over its JSON API ({@code /api/messages}), as a test in another process
 * (or a person with curl) does. Going over HTTP is the point: it proves the message reached the
 * real SMTP server.
 */
public final class InboxClient implements Inbox {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public InboxClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public List<StoredMail> messagesTo(String address) {
        return fetch("/api/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
    }

    @Override
    public List<StoredMail> messages() {
        return fetch("/api/messages");
    }

    @Override
    public String webUrl() {
        return baseUrl;
    }

    private List<StoredMail> fetch(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("inbox answered " + response.statusCode() + " for " + path);
            }
            List<StoredMail> mails = new ArrayList<>();
            for (JsonNode node : json.readTree(response.body())) {
                List<String> to = new ArrayList<>();
                node.path("envelopeTo").forEach(address -> to.add(address.asText()));
                mails.add(new StoredMail(node.path("id").asLong(), Instant.parse(node.path("receivedAt").asText()),
                        node.path("envelopeFrom").asText(), to, node.path("raw").asText().getBytes(StandardCharsets.UTF_8)));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("inbox at " + baseUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
