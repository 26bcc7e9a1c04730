package dev.stride.contracts.consumer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AfterCommitTest {

    @Test
    void runsOnCommitOnly() {
        Transactions tx = new Transactions(Status.STATUS_ACTIVE);
        AtomicInteger counted = new AtomicInteger();

        AfterCommit.run(tx, counted::incrementAndGet);
        assertThat(counted).as("not while the transaction runs").hasValue(0);
        tx.complete(Status.STATUS_ROLLEDBACK);
        assertThat(counted).as("rolled back").hasValue(0);

        Transactions retry = new Transactions(Status.STATUS_ACTIVE);
        AfterCommit.run(retry, counted::incrementAndGet);
        retry.complete(Status.STATUS_COMMITTED);
        assertThat(counted).as("the retry committed: once").hasValue(1);
    }

    @Test
    void runsAtOnceOutsideATransactionAndNeverInADoomedOne() {
        AtomicInteger counted = new AtomicInteger();
        AfterCommit.run(new Transactions(Status.STATUS_NO_TRANSACTION), counted::incrementAndGet);
        assertThat(counted).as("no transaction: at once").hasValue(1);
        for (int status : new int[]{Status.STATUS_MARKED_ROLLBACK, Status.STATUS_ROLLEDBACK}) {
            Transactions doomed = new Transactions(status);
            AfterCommit.run(doomed, counted::incrementAndGet);
            doomed.complete(Status.STATUS_COMMITTED); // were it registered, this would count
            assertThat(counted).as("status %d: never", status).hasValue(1);
        }
    }

    /** The registry as Narayana's behaves for this: a status, and synchronizations told how the transaction ended. */
    private static final class Transactions implements TransactionSynchronizationRegistry {
        private final int status;
        private final List<Synchronization> registered = new ArrayList<>();

        Transactions(int status) {
            this.status = status;
        }

        void complete(int outcome) {
            registered.forEach(Synchronization::beforeCompletion);
            registered.forEach(sync -> sync.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            if (status != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("not active"); // as Narayana's
            }
            registered.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
