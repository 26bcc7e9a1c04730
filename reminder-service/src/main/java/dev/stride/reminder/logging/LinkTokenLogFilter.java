package dev.stride.reminder.logging;

import dev.stride.contracts.logging.RecordRedaction;
import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/** This service's console filter ({@code quarkus.log.console.filter}): link tokens and addresses out, by {@link RecordRedaction}. */
@LoggingFilter(name = "link-tokens")
public final class LinkTokenLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        RecordRedaction.redact(record);
        return true;
    }
}
