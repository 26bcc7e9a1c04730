package dev.stride.contracts.event;

/** Who a subscription's emails go to, and in which language ({@code en}, {@code de}). */
public record Learner(String email, String displayName, String locale) {
}
