package dev.stride.bench.dispatch;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The most this machine's broker takes with the shared producer settings: N records sent back to
 * back without waiting for each ack, then flushed and every ack collected. No scheduler can publish
 * faster than this, so it bounds every other row of the dispatch table.
 */
public final class BareProducerCeiling implements Peer {

    private final PeerContext context;

    public BareProducerCeiling(PeerContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "Kafka producer alone";
    }

    @Override
    public String config() {
        return "ceiling: send all, then flush, acks=all, linger " + BenchRecords.LINGER_MS + " ms, batch "
                + BenchRecords.BATCH_SIZE / 1024 + " KiB";
    }

    @Override
    public Drained drain(int n) throws Exception {
        BenchRecords.createTopic(context.bootstrapServers());
        byte[] payload = context.payload();
        try (KafkaProducer<String, byte[]> producer = BenchRecords.warmProducer(context.bootstrapServers())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                acks.add(producer.send(new ProducerRecord<>(BenchRecords.TOPIC, "nudge-" + i, payload)));
            }
            producer.flush();
            long acknowledged = 0;
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get();
                    acknowledged++;
                } catch (ExecutionException e) {
                    // Counted as not executed; the caller sees executed < n.
                }
            }
            return new Drained(n, Duration.ofNanos(System.nanoTime() - start), acknowledged);
        }
    }
}
