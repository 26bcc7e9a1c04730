package dev.stride.notifier.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.Optional;
import java.util.UUID;

/** Reads ledger rows in their own transaction, as a test outside the service's transactions must. */
final class LedgerRows {

    private LedgerRows() {
    }

    static Optional<EmailDelivery> row(EmailDeliveryRepository deliveries, UUID emailId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.findByIdOptional(emailId));
    }

    static EmailDelivery existing(EmailDeliveryRepository deliveries, UUID emailId) {
        return row(deliveries, emailId).orElseThrow(() -> new AssertionError("no ledger row " + emailId));
    }
}
