package dev.stride.contracts.event;

import java.time.Instant;

/**
 * An address must never be emailed again by any part of Stride (its owner said "this wasn't me", or an operator
 * decided so). Only the address's hash travels ({@link dev.stride.contracts.privacy.Addresses#hash}).
 */
public record AddressSuppressed(String addressHash, String reason, Instant at) implements DomainEvent {
}
