package dev.stride.contracts.logging;

import dev.stride.contracts.link.LinkRedaction;
import dev.stride.contracts.privacy.Addresses;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The console filter's rule: no address and no link token in a logged line, its exception or that exception's causes. */
class RecordRedactionTest {

    @Test
    void anAddressInAnExceptionsCauseIsReplacedByItsLogId() {
        SQLException cause = new SQLException("duplicate key: Key (recipient)=(ada@example.com) already exists");
        RuntimeException thrown = new IllegalStateException("could not execute statement", cause);
        thrown.addSuppressed(new IllegalStateException("550 5.1.1 <ada@example.com>: mailbox unavailable"));
        LogRecord record = new LogRecord(Level.WARNING, "Recording failed for ada@example.com");
        record.setThrown(thrown);

        RecordRedaction.redact(record);

        String printed = record.getMessage() + "\n" + stackTrace(record.getThrown());
        assertThat(printed).doesNotContain("ada@example.com")
                .contains(Addresses.logId("ada@example.com"), "java.sql.SQLException", "already exists", "mailbox unavailable", "could not execute");
    }

    @Test
    void anExceptionWithNothingToRedactIsLoggedAsItIs() {
        RuntimeException thrown = new IllegalStateException("Connection refused");
        LogRecord record = new LogRecord(Level.WARNING, "Relay failed");
        record.setThrown(thrown);

        RecordRedaction.redact(record);

        assertThat(record.getThrown()).isSameAs(thrown);
    }

    @Test
    void aCopyMadeEarlierIsNotNamedTwice() {
        Throwable redactedBefore = LinkRedaction.redact(new IllegalStateException("GET /manage/abc123 for ada@example.com"));
        LogRecord record = new LogRecord(Level.WARNING, "Request failed");
        record.setThrown(redactedBefore);

        RecordRedaction.redact(record);

        assertThat(record.getThrown().getMessage()).startsWith("java.lang.IllegalStateException: GET /manage/{token} for addr:")
                .doesNotContain("ada@example.com").doesNotContain("Redacted");
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
