package dev.stride.contracts.event;

import dev.stride.contracts.privacy.Addresses;

/**
 * Who a subscription's emails go to, and in which language ({@code en}, {@code de}). {@code separateEmails}: true when the
 * learner asked for one email per roadmap; null or false means one weekly digest across all their roadmaps.
 */
public record Learner(String email, String displayName, String locale, Boolean separateEmails) {

    public Learner(String email, String displayName, String locale) {
        this(email, displayName, locale, null);
    }

    /**
     * No address and no name: an event printed into an exception message or a log line (a template error quotes its data)
     * names the learner only by {@link Addresses#logId}.
     */
    @Override
    public String toString() {
        return "Learner[" + Addresses.logId(email) + ", locale=" + locale + ", separateEmails=" + separateEmails + "]";
    }

    /** One weekly email across the learner's roadmaps: the default. */
    public boolean wantsDigest() {
        return !Boolean.TRUE.equals(separateEmails);
    }
}
