package dev.stride.contracts.link;

/** What a signed link lets its holder do. A token for one purpose is refused for any other. */
public enum LinkPurpose {
    CONFIRM,
    MANAGE,
    MARK_DONE,
    SKIP_WEEK,
    SNOOZE,
    PAUSE,
    RESUME,
    UNSUBSCRIBE,
    CALENDAR,
    /** "Re-plan from today", offered while the learner is behind. */
    REPLAN,
    /** "This wasn't me": suppresses the address for all of Stride. */
    NOT_ME,
    /** The learner's home page (all their subscriptions, their profile); keyed by the learner id, short-lived. */
    SIGN_IN,
    /** Makes a requested new address the learner's; keyed by the learner id, the subject names the address (its hash). */
    VERIFY_ADDRESS
}
