package dev.stride.roadmap.console;

import org.jboss.logging.Logger;

/**
 * One audit line per console action, on the logger {@code dev.stride.roadmap.console.audit}: who, what, on which
 * learner, subscription, roadmap or topic. Never an address (ids only).
 */
public final class ConsoleAudit {

    private static final Logger AUDIT = Logger.getLogger("dev.stride.roadmap.console.audit");

    private ConsoleAudit() {
    }

    public static void log(String operator, String action, String subject) {
        AUDIT.infof("console: operator=%s action=%s %s", operator, action, subject);
    }
}
