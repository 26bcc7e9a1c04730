package dev.stride.bench.dispatch;

import dev.stride.infra.Database;

import java.util.Objects;

/**
 * What every peer is built with: the broker, the database (each peer uses its own schema in it)
 * and the payload every handler publishes.
 */
public record PeerContext(String bootstrapServers, Database database, byte[] payload) {

    public PeerContext {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(payload, "payload");
    }
}
