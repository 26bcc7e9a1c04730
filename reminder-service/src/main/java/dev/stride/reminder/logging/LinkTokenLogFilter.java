package dev.stride.reminder.logging;

import dev.stride.contracts.link.LinkRedaction;
import dev.stride.contracts.privacy.Addresses;
import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The last guard that keeps link tokens out of logs: every record the console handler writes (ours, Quarkus's,
 * libraries') has its message and exception redacted by {@link LinkRedaction} ({@code quarkus.log.console.filter}), and
 * any email address in its message replaced by {@link Addresses#logId} (a library quoting a record or a row).
 * Code that logs a path or a link redacts it itself as well; this catches what it does not control.
 */
@LoggingFilter(name = "link-tokens")
public final class LinkTokenLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
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
        return true;
    }
}
