package dev.stride.contracts.event;

/** Which email a delivery event is about. */
public enum EmailKind { NUDGE, CONFIRMATION, GOODBYE }
