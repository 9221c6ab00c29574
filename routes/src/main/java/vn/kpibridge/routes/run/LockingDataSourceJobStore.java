package vn.kpibridge.routes.run;

import org.quartz.JobPersistenceException;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * The Quartz job store of the nightly schedule ({@code spring.quartz.properties.org.quartz.jobStore.class}):
 * Spring's {@link LocalDataSourceJobStore} on the application's DataSource, whose scheduler
 * operations (store a job and its trigger, reschedule, read a trigger) each run in a transaction
 * of their own holding Quartz's {@code QRTZ_LOCKS} row lock, as Quartz's own
 * {@code JobStoreTX} runs them ({@code executeInNonManagedTXLock}).
 *
 * <p>Why: {@link LocalDataSourceJobStore} is a {@code JobStoreCMT} that expects its caller's
 * Spring transaction and leaves the connection in auto-commit outside one. camel-quartz calls
 * the scheduler at a route's start with no transaction, so each statement committed alone and
 * the {@code SELECT ... FOR UPDATE} on {@code QRTZ_LOCKS} was released at once: two instances
 * starting in the same instant both inserted {@code kpi-bridge.nightly-sync}, and one failed to
 * start with {@code JobPersistenceException: Couldn't store job: duplicate key ...
 * qrtz_job_details_pkey}, or, having seen the other's job before its trigger was inserted, with
 * {@code SchedulerException: Trigger could not be found in quartz scheduler}
 * ({@code QuartzEndpoint.addJobInScheduler}). With the lock held to the commit, the second
 * instance waits for the first one's job and trigger, gets Quartz's
 * {@code ObjectAlreadyExistsException}, and camel-quartz's clustered handling takes the stored
 * trigger. The scheduler's own work (trigger acquisition, cluster check-in and recovery)
 * already ran this way. Nothing in kpi-bridge calls the scheduler inside a Spring transaction,
 * so none is left to join.
 *
 * <p>Errors: those of {@code JobStoreSupport} ({@link JobPersistenceException} when the database
 * refuses a statement; the transaction is rolled back).
 */
public class LockingDataSourceJobStore extends LocalDataSourceJobStore {
    // JobStoreCMT declares it with the raw callback type
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Object executeInLock(String lockName, TransactionCallback txCallback) throws JobPersistenceException {
        return executeInNonManagedTXLock(lockName, txCallback, null);
    }
}
