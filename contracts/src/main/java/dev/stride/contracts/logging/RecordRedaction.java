package dev.stride.contracts.logging;

import dev.stride.contracts.link.LinkRedaction;
import dev.stride.contracts.privacy.Addresses;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.LogRecord;

/**
 * The last guard that keeps link tokens and addresses out of logs, for each service's console filter
 * ({@code quarkus.log.console.filter}): in a record's message and in its exception's messages (and their causes'),
 * tokens are redacted by {@link LinkRedaction} and any email address is replaced by {@link Addresses#logId} (a library
 * quoting a record or a row, an SMTP reply quoting its recipient, a constraint violation quoting a value). Code that
 * logs a path or a link redacts it itself as well; this catches what it does not control.
 */
public final class RecordRedaction {

    private RecordRedaction() {
    }

    /** Redacts {@code record} in place. */
    public static void redact(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = text(message);
        if (redacted != null && !redacted.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        record.setThrown(LinkRedaction.redact(record.getThrown(), RecordRedaction::text));
    }

    private static String text(String text) {
        return Addresses.redact(LinkRedaction.redact(text));
    }
}
