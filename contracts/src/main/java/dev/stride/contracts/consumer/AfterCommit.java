package dev.stride.contracts.consumer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a side effect of a transaction's work, such as counting it in a metric, only once that work is committed: not
 * when the transaction rolls back, so a transaction that failed and is retried ({@link ConsumerRetry}, a database
 * restarting) counts once, not once per try. Outside a transaction it runs at once; in one that can no longer commit (marked for rollback, rolled back by its
 * timeout), never, and without failing the caller.
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
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback, or already rolled back by the timeout: it will not commit, and registering would throw
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
