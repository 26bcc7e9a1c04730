package dev.stride.roadmap.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stride.contracts.event.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads authored roadmaps (YAML, strict about unknown keys) and stores published ones (JSON). */
final class RoadmapJson {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = EventCodec.objectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RoadmapJson() {
    }

    static RoadmapDocument fromYaml(byte[] yaml) throws IOException {
        return YAML.readValue(yaml, RoadmapDocument.class);
    }

    static RoadmapDocument fromJson(String json) {
        try {
            return JSON.readValue(json, RoadmapDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored roadmap version is unreadable", e);
        }
    }

    static String toJson(RoadmapDocument document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a version says, apart from its number: equal hashes mean nothing to publish. */
    static String contentHash(RoadmapDocument document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson(document.withVersion(0)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
