package dev.stride.roadmap.problem;

/** One bad input field: its path as the client sent it (e.g. {@code slots[1].minutes}) and what is wrong. */
public record FieldError(String field, String message) {
}
