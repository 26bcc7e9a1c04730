package dev.stride.contracts.event;

import java.time.Instant;

/**
 * An operator lifted a suppression ({@link AddressSuppressed}, or a hard bounce) of an address: Stride may email it again.
 * Only the address's hash travels.
 */
public record AddressUnsuppressed(String addressHash, String operator, Instant at) implements DomainEvent {
}
