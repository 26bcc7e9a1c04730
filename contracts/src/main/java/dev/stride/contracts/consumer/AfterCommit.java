package dev.stride.contracts.consumer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a side effect of a transaction's work, such as counting it in a metric, only once that work is committed: not
 * when the transaction rolls back, so a transaction that failed and is retried ({@link ConsumerRetry}, a database
 * restarting) counts once, not once per try. Outside a transaction it runs at once; in one marked for rollback, never.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(TransactionSynchronizationRegistry transactions, Runnable effect) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            effect.run();
            return;
        }
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            return; // it will not commit
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    effect.run();
                }
            }
        });
    }
}
