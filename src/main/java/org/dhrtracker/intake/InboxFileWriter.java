package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;

import org.dhrtracker.Home;
import org.dhrtracker.reconcile.ClosureRepository;
import org.dhrtracker.tabular.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies each checked inbox file (a return's updates, or a sign-off file's decisions) in the chunk's transaction and archives it after commit; rejects a
 * file with problems to rejected/ with a sibling .errors.txt; archives a file already applied
 * without applying it again. Counts go to the step's execution context.
 */
public class InboxFileWriter implements ItemWriter<InboxFile>, StepExecutionListener {

    public static final String ACCEPTED = "files.accepted";
    public static final String REJECTED = "files.rejected";
    public static final String DUPLICATE = "files.duplicate";
    public static final String ROWS = "rows.applied";
    public static final String SIGN_OFFS_ACCEPTED = "signoffs.accepted";
    public static final String SIGN_OFFS_REJECTED = "signoffs.rejected";
    public static final String SIGN_OFFS_DUPLICATE = "signoffs.duplicate";
    public static final String DECISIONS = "decisions.applied";
    /**
     * The SHA-256s of the files applied by the last chunk, committed with them: a restarted step (after
     * a hard kill) that finds one of them still in the inbox knows it was applied and only not yet moved.
     */
    static final String LAST_APPLIED = "files.last-applied";

    private static final Logger log = LoggerFactory.getLogger(InboxFileWriter.class);

    private final ReturnRepository returns;
    private final ClosureRepository closure;
    private final Home home;
    private final Clock clock;
    private final ItemProcessor<Path, InboxFile> checker;
    private ExecutionContext counts;
    /** On a restarted step, the files of the last chunk applied before the interruption, which may not have been moved. */
    private java.util.Set<String> appliedNotMoved = java.util.Set.of();

    /**
     * @param checker checks a file of the inbox; a sign-off file is checked again here when files applied before it in
     *        the same transaction may have made the claims it decides
     */
    public InboxFileWriter(ReturnRepository returns, ClosureRepository closure, Home home, Clock clock,
            ItemProcessor<Path, InboxFile> checker) {
        this.checker = checker;
        this.returns = returns;
        this.closure = closure;
        this.home = home;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        counts = stepExecution.getExecutionContext();
        appliedNotMoved = java.util.Set.of(counts.getString(LAST_APPLIED, "").split(","));
        for (String key : new String[] {ACCEPTED, REJECTED, DUPLICATE, ROWS, SIGN_OFFS_ACCEPTED,
            SIGN_OFFS_REJECTED, SIGN_OFFS_DUPLICATE, DECISIONS}) {
            counts.putInt(key, counts.getInt(key, 0));
        }
    }

    @Override
    public void write(Chunk<? extends InboxFile> chunk) throws Exception {
        java.util.List<String> applied = new java.util.ArrayList<>();
        for (InboxFile item : chunk) {
            // Checked when read, against what was committed then: a sign-off file after files applied in this
            // transaction is checked again, so the claims of returns in the same chunk count.
            InboxFile file = item instanceof SignOffFile && !applied.isEmpty() ? checker.process(item.path()) : item;
            boolean signOff = file instanceof SignOffFile;
            if (!file.isAccepted()) {
                reject(file);
                if (file instanceof ReturnFile r && !r.refused().isEmpty()) {
                    returns.recordRefused(r.fileName(), r.refused(), clock.instant());
                }
                add(signOff ? SIGN_OFFS_REJECTED : REJECTED, 1);
            } else if (appliedNotMoved.contains(file.sha256()) && returns.alreadyApplied(file.sha256())) {
                log.info("{}: applied before the run was interrupted, archived now", file.fileName());
                FileMoves.moveInto(file.path(), home.archive());
            } else if (returns.alreadyApplied(file.sha256())) {
                log.info("{}: already applied (same content), not applied again", file.fileName());
                FileMoves.moveAfterCommit(file.path(), home.archive());
                add(signOff ? SIGN_OFFS_DUPLICATE : DUPLICATE, 1);
            } else {
                if (file instanceof SignOffFile s) {
                    returns.recordFile(s.fileName(), s.sha256(), s.decisions().size(), clock.instant());
                    closure.record(s.decisions(), clock.instant());
                    log.info("{}: accepted, {} sign-off decisions", s.fileName(), s.decisions().size());
                    add(SIGN_OFFS_ACCEPTED, 1);
                    add(DECISIONS, s.decisions().size());
                } else if (file instanceof ReturnFile r) {
                    returns.apply(r, clock.instant());
                    log.info("{}: accepted, {} updates, {} rows unanswered, columns ignored: {}", r.fileName(), r.rows().size(),
                            r.unansweredRows(), r.ignoredColumns());
                    add(ACCEPTED, 1);
                    add(ROWS, r.rows().size());
                }
                applied.add(file.sha256());
                FileMoves.moveAfterCommit(file.path(), home.archive());
            }
        }
        counts.putString(LAST_APPLIED, String.join(",", applied));
    }

    private void reject(InboxFile file) {
        String report = file.problems().stream().map(Problem::toString).collect(Collectors.joining("\n", "", "\n"));
        log.warn("{}: rejected, nothing applied ({} problems, listed in rejected/ beside it in .errors.txt)",
                file.fileName(), file.problems().size());
        file.problems().stream().limit(20).forEach(p -> log.warn("  {}", p));
        // Moved after the chunk commits, with the refused rows and the counts recorded with it.
        FileMoves.moveAfterCommit(file.path(), home.rejected(), moved -> {
            try {
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".errors.txt"), report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void add(String key, int n) {
        counts.putInt(key, counts.getInt(key) + n);
    }
}
