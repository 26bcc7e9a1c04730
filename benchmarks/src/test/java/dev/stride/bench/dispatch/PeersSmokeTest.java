package dev.stride.bench.dispatch;

import dev.stride.infra.InfraSettings;
import dev.stride.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every peer and ceiling, tiny, on real Kafka and PostgreSQL: each handler ran exactly once per item
 * and each engine's table is empty afterwards. Counts only; timing is for the benchmark runs.
 */
class PeersSmokeTest {

    private static final int N = 200;

    @TempDir
    static Path dataDir;

    private static LocalInfrastructure infra;
    private static PeerContext context;

    @BeforeAll
    static void startInfrastructure() {
        infra = LocalInfrastructure.start(InfraSettings.forTests(dataDir, System.getenv()), line -> { });
        context = new PeerContext(infra.kafkaBootstrapServers(), infra.database(), BenchRecords.payload(BenchRecords.DEFAULT_PAYLOAD_SIZE));
    }

    @AfterAll
    static void stopInfrastructure() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void dbSchedulerRunsEachNudgeOnceAndEmptiesItsTable() throws Exception {
        Peer.Drained drained = new DbSchedulerPeer(context, 20).drain(N);

        assertThat(drained.executed()).isEqualTo(N);
        assertThat(count("SELECT count(*) FROM " + DbSchedulerPeer.TABLE)).isZero();
    }

    @Test
    void quartzRunsEachNudgeOnceAndEmptiesItsTables() throws Exception {
        Peer.Drained drained = new QuartzPeer(context).drain(N);

        assertThat(drained.executed()).isEqualTo(N);
        assertThat(count("SELECT count(*) FROM " + QuartzPeer.SCHEMA + ".qrtz_triggers")).isZero();
        assertThat(count("SELECT count(*) FROM " + QuartzPeer.SCHEMA + ".qrtz_job_details")).isZero();
        assertThat(count("SELECT count(*) FROM " + QuartzPeer.SCHEMA + ".qrtz_fired_triggers")).isZero();
    }

    @Test
    void theProducerCeilingHasEveryRecordAcknowledged() throws Exception {
        Peer.Drained drained = new BareProducerCeiling(context).drain(N);

        assertThat(drained.executed()).isEqualTo(N);
    }

    @Test
    void theUpdateCeilingMarksEveryRowSent() throws Exception {
        Peer.Drained drained = new BareUpdateCeiling(context).drain(N);

        assertThat(drained.executed()).isEqualTo(N);
        assertThat(count("SELECT count(*) FROM " + BareUpdateCeiling.TABLE)).isEqualTo(N);
        assertThat(count("SELECT count(*) FROM " + BareUpdateCeiling.TABLE + " WHERE status <> 'SENT' OR sent_at IS NULL")).isZero();
    }

    @Test
    void aSecondDrainStartsFromEmptyState() throws Exception {
        DbSchedulerPeer peer = new DbSchedulerPeer(context, 5);
        peer.drain(50);

        assertThat(peer.drain(N).executed()).isEqualTo(N);
    }

    private static long count(String query) throws Exception {
        try (Connection connection = BenchDb.connect(infra.database())) {
            return BenchDb.count(connection, query);
        }
    }
}
