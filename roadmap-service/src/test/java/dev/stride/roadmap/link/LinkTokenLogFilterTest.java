package dev.stride.roadmap.link;

import dev.stride.contracts.privacy.Addresses;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's last guard: an address a library puts into a log line leaves only as its pseudonym. */
class LinkTokenLogFilterTest {

    @Test
    void anAddressInAParameterIsReplacedByItsLogId() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Duplicate key (email)=(%s)", ExtLogRecord.FormatStyle.PRINTF,
                LinkTokenLogFilterTest.class.getName());
        record.setParameters(new Object[]{"Some.One@example.org"});

        assertThat(new LinkTokenLogFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("Duplicate key (email)=(" + Addresses.logId("Some.One@example.org") + ")");
        assertThat(record.getParameters()).isNull();
    }

    @Test
    void aLineWithoutAddressOrTokenIsLeftAsItWas() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "%d unconfirmed subscription(s) expired", ExtLogRecord.FormatStyle.PRINTF,
                LinkTokenLogFilterTest.class.getName());
        record.setParameters(new Object[]{3});

        new LinkTokenLogFilter().isLoggable(record);

        assertThat(record.getMessage()).isEqualTo("%d unconfirmed subscription(s) expired");
        assertThat(record.getParameters()).containsExactly(3);
    }
}
