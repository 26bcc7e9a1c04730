package dev.stride.contracts.logging;

import dev.stride.contracts.link.LinkRedaction;
import dev.stride.contracts.privacy.Addresses;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.LogRecord;

/**
 * The last guard that keeps link tokens and addresses out of logs, for each service's console filter
 * ({@code quarkus.log.console.filter}): a record's message and exception are redacted by {@link LinkRedaction}, and any
 * email address in its message is replaced by {@link Addresses#logId} (a library quoting a record or a row). Code that
 * logs a path or a link redacts it itself as well; this catches what it does not control.
 */
public final class RecordRedaction {

    private RecordRedaction() {
    }

    /** Redacts {@code record} in place. */
    public static void redact(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = Addresses.redact(LinkRedaction.redact(message));
        if (redacted != null && !redacted.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        record.setThrown(LinkRedaction.redact(record.getThrown()));
    }
}
