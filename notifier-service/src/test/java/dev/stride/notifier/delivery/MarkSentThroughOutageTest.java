package dev.stride.notifier.delivery;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server has accepted an email and the database will not record it for longer than the email's lease (3 s in
 * tests): a restart, as the fault suite's database-outage scenario makes one. A trigger refuses the email's mark with the
 * SQLSTATE PostgreSQL gives its clients on shutdown (57P01) for 4.5 s. The worker keeps trying to record the 250 past
 * the lease, and when the poll claims the email again meanwhile it does not send it again. Before, the mark was tried for
 * half a lease and the email went out twice.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class MarkSentThroughOutageTest {

    private static final Duration REFUSED_FOR = Duration.ofMillis(4500);

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliverySettings settings;

    @Inject
    EntityManager em;

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @BeforeEach
    void refuseMarksOfListedEmails() throws SQLException {
        sql("""
                CREATE TABLE IF NOT EXISTS test_mark_refused (email_id uuid PRIMARY KEY, until timestamptz NOT NULL);
                CREATE OR REPLACE FUNCTION test_refuse_mark() RETURNS trigger AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM test_mark_refused WHERE email_id = NEW.email_id AND until > clock_timestamp()) THEN
                    RAISE EXCEPTION 'terminating connection due to administrator command (test)' USING ERRCODE = '57P01';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS test_refuse_mark ON email_delivery;
                CREATE TRIGGER test_refuse_mark BEFORE UPDATE ON email_delivery
                  FOR EACH ROW WHEN (NEW.state = 'SENT') EXECUTE FUNCTION test_refuse_mark();
                """);
    }

    @AfterEach
    void dropTheTrigger() throws SQLException {
        sql("DROP TRIGGER IF EXISTS test_refuse_mark ON email_delivery; DROP FUNCTION IF EXISTS test_refuse_mark(); DROP TABLE IF EXISTS test_mark_refused;");
    }

    @Test
    void anAcceptedEmailWhoseMarkOutlastsItsLeaseIsNotSentAgain() throws SQLException {
        assertThat(REFUSED_FOR).isBetween(settings.lease(), settings.lease().multipliedBy(2));
        String address = TestEvents.uniqueEmail("unmarked");
        TestEvents.Nudge nudge = TestEvents.nudge(address);
        sql("INSERT INTO test_mark_refused VALUES ('" + nudge.nudgeId() + "', clock_timestamp() + interval '"
                + REFUSED_FOR.toMillis() + " milliseconds')");
        QuarkusTransaction.requiringNew().run(() -> LedgerRows.queue(em, nudge, address, 1, clock.instant()));

        worker.sendDue();

        assertThat(ReceivedEmail.awaitMessagesTo(address, 1)).hasSize(1);
        // Past the refusal, then a whole repeat window (lease + poll + margin) in which a second copy would arrive.
        ReceivedEmail.awaitNoMoreThan(address, 1);
        EmailDelivery row = LedgerRows.existing(deliveries, nudge.nudgeId());
        assertThat(row.state).isEqualTo(DeliveryState.SENT);
        assertThat(row.attempts).as("claimed again after its lease, and not sent").isGreaterThanOrEqualTo(2);
    }

    private void sql(String statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }
}
