package org.dhrtracker;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points of the intake where the fault-injection test (FaultInjectionTest) ends the process
 * as a hard kill would. Started with {@code -Ddhr.fault.point=NAME}, the process halts
 * ({@link Runtime#halt}: no shutdown hook, no database SHUTDOWN) the n-th time it reaches NAME, n
 * being {@code -Ddhr.fault.countdown} (default 1). Without the property, {@link #reach} only reads a
 * static field: a system property, not a Spring one, so no configuration file can arm it.
 */
public final class FaultPoints {

    /** An inbox file read and checked; nothing of it written yet. */
    public static final String CHECKED = "ingest.checked";
    /**
     * A file's decisions or refused rows and the step's counts written, a return's rows queued (they are inserted with the rest
     * of its transaction's, before the commit); the transaction not committed.
     */
    public static final String WRITTEN = "ingest.written";
    /** A file's transaction committed; the file still in the inbox. */
    public static final String COMMITTED = "ingest.committed";
    /** A rejected file's .errors.txt in rejected/; the file still in the inbox. */
    public static final String ERRORS_WRITTEN = "ingest.errors-written";
    /** A file moved to archive/ or rejected/; the next file not read yet. */
    public static final String MOVED = "ingest.moved";
    /** Recovery: an interrupted run being marked FAILED, its transaction not committed. */
    public static final String RECOVERY_MARKING = "recovery.marking";
    /** Recovery: interrupted runs marked FAILED; the restart not begun. */
    public static final String RECOVERY_RESUMING = "recovery.resuming";

    /** Every point, in the order an ingest reaches them. */
    public static final List<String> ALL = List.of(RECOVERY_MARKING, RECOVERY_RESUMING, CHECKED, WRITTEN, COMMITTED,
            ERRORS_WRITTEN, MOVED);

    /** The exit status of a halted process: that of one killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    private static final String ARMED = System.getProperty("dhr.fault.point");
    private static final AtomicInteger COUNTDOWN = new AtomicInteger(Integer.getInteger("dhr.fault.countdown", 1));

    private FaultPoints() {
    }

    /** Halts the process if this is the armed point and its countdown has run out; otherwise nothing. */
    public static void reach(String point) {
        if (ARMED != null && ARMED.equals(point) && COUNTDOWN.decrementAndGet() == 0) {
            System.out.println("Fault point " + point + " reached: halting");
            System.out.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
