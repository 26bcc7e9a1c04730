package dev.stride.reminder.scheduling;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Which publishing failures belong to the record itself and would recur on every attempt (so the row is eventually
 * parked), as opposed to an outage or a slow broker, after which the same record goes through.
 */
final class PublishFailures {

    private PublishFailures() {
    }

    static boolean permanent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof SerializationException || failure instanceof InvalidTopicException;
    }
}
