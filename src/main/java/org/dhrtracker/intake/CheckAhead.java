package org.dhrtracker.intake;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.dhrtracker.FaultPoints;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The step's processor: reads and checks the returns of the next chunk on a second thread while the
 * step writes the chunk before it, so that on two cores reading and checking (about two fifths of the
 * intake) no longer waits for the inserts, nor the inserts for it. It only reads (files, and the
 * register's action keys from their narrow table, which keeps it out of the way of the inserts in the
 * database's cache): nothing is applied, moved or counted but on the step's thread, in its transaction,
 * so an interruption leaves what it left before. A file's result, or the error reading it raised, is
 * the step's when that file's turn comes. Sign-off files are checked on the step's thread when their
 * turn comes, against the claims committed by then.
 */
public class CheckAhead implements ItemProcessor<Path, InboxFile>, StepExecutionListener, AutoCloseable {

    /** In the step's context at its end: the CPU time, in nanoseconds, the second thread spent checking (for the benchmark). */
    public static final String CPU_NANOS = "check-ahead.cpu-nanos";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final InboxReader reader;
    private final IngestReturnsJobConfiguration.InboxFileChecker checker;
    private final int ahead;
    private final AtomicLong cpuNanos = new AtomicLong();
    /** Checks under way or done, by file; touched by the step's thread only. */
    private final Map<Path, Future<InboxFile>> checks = new HashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "intake-check-ahead");
        t.setDaemon(true); // never keeps the process alive
        return t;
    });

    /** @param ahead how many files ahead of the step to check: a chunk's worth, all held in memory once checked */
    CheckAhead(InboxReader reader, IngestReturnsJobConfiguration.InboxFileChecker checker, int ahead) {
        this.reader = reader;
        this.checker = checker;
        this.ahead = ahead;
    }

    @Override
    public InboxFile process(Path path) throws Exception {
        for (Path next : reader.returnsAhead(ahead)) {
            checks.computeIfAbsent(next, p -> thread.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                try {
                    return checker.check(p, false); // returns only
                } finally {
                    cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                }
            }));
        }
        Future<InboxFile> check = checks.remove(path);
        InboxFile file = check == null ? checker.check(path) : result(check);
        FaultPoints.reach(FaultPoints.CHECKED);
        return file;
    }

    /** The file read and checked now, on the caller's thread, against the register and the claims committed so far. */
    InboxFile checkNow(Path path) throws java.io.IOException {
        return checker.check(path);
    }

    private static InboxFile result(Future<InboxFile> check) throws Exception {
        try {
            return check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause; // as the step's own thread would have thrown it
            }
            throw e;
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        close();
        stepExecution.getExecutionContext().putLong(CPU_NANOS, cpuNanos.get());
        return null;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        checks.clear();
    }
}
