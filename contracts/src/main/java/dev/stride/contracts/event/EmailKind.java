package dev.stride.contracts.event;

/** Which email a delivery event is about. */
public enum EmailKind {
    NUDGE, CONFIRMATION, GOODBYE,
    /** "Your links": the learner's home page link (SignInRequested). */
    SIGN_IN,
    /** "Verify your new address", to that address (AddressChangeRequested). */
    ADDRESS_CHANGE
}
