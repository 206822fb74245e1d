package org.dhrtracker.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhrtracker.FaultPoints;
import org.dhrtracker.Home;
import org.dhrtracker.tabular.SafeText;
import org.dhrtracker.reconcile.ClosureRepository;
import org.dhrtracker.tabular.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies each checked inbox file (a return's updates, or a sign-off file's decisions) in the chunk's
 * transaction and archives it after commit; rejects a file with problems to rejected/, its
 * .errors.txt written first; archives a file already applied without applying it again. Counts go
 * to the step's execution context, committed with each file, and so does the file's outcome: a
 * restarted step (after a hard kill) that finds that file still in the inbox only finishes its move.
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
    /** The files of the last chunk committed, a line each: {@link LastFile}. */
    static final String LAST_FILES = "files.last";

    private static final Logger log = LoggerFactory.getLogger(InboxFileWriter.class);

    private final ReturnRepository returns;
    private final ClosureRepository closure;
    private final Home home;
    private final Clock clock;
    private final String marking;
    private final ItemProcessor<Path, InboxFile> checker;
    private final JobRepository jobRepository;
    private ExecutionContext counts;
    /** On a restarted step, the files of the chunk committed last before the interruption, which may not all have been moved. */
    private List<LastFile> interrupted = List.of();

    /**
     * @param checker checks a file of the inbox; a sign-off file is checked again here when files applied before it in
     *        the same transaction may have made the claims it decides
     */
    public InboxFileWriter(ReturnRepository returns, ClosureRepository closure, Home home, Clock clock, String marking,
            ItemProcessor<Path, InboxFile> checker, JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        this.checker = checker;
        this.returns = returns;
        this.closure = closure;
        this.home = home;
        this.clock = clock;
        this.marking = marking;
    }

    /**
     * On a restart, the counts and outcomes of the latest earlier execution of this step that saved
     * them. Batch hands a restarted step the context of the step's last execution; if that one was
     * killed as it started, before it saved anything, its context is empty and the one before holds
     * what was committed.
     */
    private Map<String, Object> carriedOver(StepExecution current) {
        StepExecution latest = null;
        for (JobExecution job : jobRepository.getJobExecutions(current.getJobExecution().getJobInstance())) {
            for (StepExecution step : job.getStepExecutions()) {
                if (step.getStepName().equals(current.getStepName()) && step.getId() < current.getId()
                        && (latest == null || step.getId() > latest.getId())) {
                    StepExecution loaded = jobRepository.getStepExecution(job.getId(), step.getId());
                    if (loaded != null && loaded.getExecutionContext().containsKey(ACCEPTED)) {
                        latest = loaded;
                    }
                }
            }
        }
        Map<String, Object> carried = new java.util.HashMap<>();
        if (latest != null) {
            latest.getExecutionContext().entrySet().forEach(e -> carried.put(e.getKey(), e.getValue()));
        }
        return carried;
    }

    /** Where a committed file goes. */
    enum Outcome { ARCHIVED, REJECTED }

    /**
     * A file by name and content, and where its committed transaction sends it. Name and content
     * both: another file of the same content is a duplicate, to be counted as one.
     */
    record LastFile(Outcome outcome, String sha256, String name) {

        static LastFile of(InboxFile file, Outcome outcome) {
            return new LastFile(outcome, file.sha256(), file.fileName());
        }

        static LastFile parse(String s) {
            String[] parts = s == null ? new String[0] : s.split(" ", 3);
            return parts.length < 3 ? null : new LastFile(Outcome.valueOf(parts[0]), parts[1], parts[2]);
        }

        boolean is(InboxFile file) {
            return sha256.equals(file.sha256()) && name.equals(file.fileName());
        }

        @Override
        public String toString() {
            return outcome + " " + sha256 + " " + name;
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        counts = stepExecution.getExecutionContext();
        if (!counts.containsKey(ACCEPTED)) {
            carriedOver(stepExecution).forEach(counts::put);
        }
        interrupted = counts.getString(LAST_FILES, "").lines().map(LastFile::parse).filter(Objects::nonNull).toList();
        for (String key : new String[] {ACCEPTED, REJECTED, DUPLICATE, ROWS, SIGN_OFFS_ACCEPTED,
            SIGN_OFFS_REJECTED, SIGN_OFFS_DUPLICATE, DECISIONS}) {
            counts.putInt(key, counts.getInt(key, 0));
        }
    }

    @Override
    public void write(Chunk<? extends InboxFile> chunk) throws Exception {
        List<LastFile> outcomes = new ArrayList<>();
        // What the database holds of the chunk's contents, asked once; and what this transaction applies.
        Set<String> applied = returns.appliedAmong(chunk.getItems().stream().map(InboxFile::sha256).filter(Objects::nonNull).toList());
        // The chunk's accepted returns, inserted together before a sign-off file is checked again and at the end.
        List<ReturnRepository.Accepted> pending = new ArrayList<>();
        boolean appliedHere = false;
        for (InboxFile item : chunk) {
            InboxFile file = item;
            if (item instanceof SignOffFile && appliedHere) {
                // Checked when read, against what was committed then: a sign-off file after files applied in this
                // transaction is checked again, once their rows are in, so the claims of returns in the same chunk count.
                flush(pending);
                file = checker.process(item.path());
            }
            boolean signOff = file instanceof SignOffFile;
            InboxFile current = file;
            Outcome before = interrupted.stream().filter(f -> f.is(current)).map(LastFile::outcome).findFirst().orElse(null);
            if (before == Outcome.ARCHIVED && applied.contains(file.sha256())) {
                // Its transaction (rows, counts) committed before the interruption, as the database confirms: only the move is left.
                log.info("{}: dealt with before the run was interrupted, archived now", SafeText.escape(file.fileName()));
                outcomes.add(LastFile.of(file, Outcome.ARCHIVED));
                FileMoves.moveAfterCommit(file.path(), home.archive());
            } else if (before == Outcome.REJECTED && !file.isAccepted()) {
                // Its refused rows and counts committed before the interruption; the same checks give the same errors.
                outcomes.add(LastFile.of(file, Outcome.REJECTED));
                reject(file);
            } else if (!file.isAccepted()) {
                if (file instanceof ReturnFile r && !r.refused().isEmpty()) {
                    returns.recordRefused(r.fileName(), r.refused(), clock.instant());
                }
                add(signOff ? SIGN_OFFS_REJECTED : REJECTED, 1);
                outcomes.add(LastFile.of(file, Outcome.REJECTED));
                reject(file);
            } else if (!applied.add(file.sha256())) {
                log.info("{}: already applied (same content), not applied again", SafeText.escape(file.fileName()));
                add(signOff ? SIGN_OFFS_DUPLICATE : DUPLICATE, 1);
                outcomes.add(LastFile.of(file, Outcome.ARCHIVED));
                FileMoves.moveAfterCommit(file.path(), home.archive());
            } else {
                if (file instanceof SignOffFile s) {
                    returns.recordFile(s.fileName(), s.sha256(), s.decisions().size(), clock.instant());
                    closure.record(s.decisions(), clock.instant());
                    log.info("{}: accepted, {} sign-off decisions", SafeText.escape(s.fileName()), s.decisions().size());
                    add(SIGN_OFFS_ACCEPTED, 1);
                    add(DECISIONS, s.decisions().size());
                } else if (file instanceof ReturnFile r) {
                    pending.add(ReturnRepository.Accepted.of(r));
                    log.info("{}: accepted, {} updates, {} rows unanswered, columns ignored: {}", SafeText.escape(r.fileName()), r.rows().size(),
                            r.unansweredRows(), SafeText.escape(r.ignoredColumns()));
                    add(ACCEPTED, 1);
                    add(ROWS, r.rows().size());
                }
                outcomes.add(LastFile.of(file, Outcome.ARCHIVED));
                appliedHere = true;
                FileMoves.moveAfterCommit(file.path(), home.archive());
            }
            FaultPoints.reach(FaultPoints.WRITTEN);
        }
        flush(pending);
        // The chunk's outcomes in the step's context, committed with its transaction.
        counts.putString(LAST_FILES, outcomes.stream().map(LastFile::toString).collect(Collectors.joining("\n")));
    }

    /** The accepted returns not yet written, inserted in the chunk's transaction. */
    private void flush(List<ReturnRepository.Accepted> pending) {
        returns.applyAll(pending, clock.instant());
        pending.clear();
    }

    /**
     * After the commit: the .errors.txt in rejected/ (the marking, then a line per problem), then the
     * file beside it.
     */
    private void reject(InboxFile file) {
        log.warn("{}: rejected, nothing applied ({} problems, listed in rejected/ beside it in .errors.txt)",
                SafeText.escape(file.fileName()), file.problems().size());
        file.problems().stream().limit(20).forEach(p -> log.warn("  {}", SafeText.escape(p)));
        String report = file.problems().stream().map(Problem::toString)
                .collect(Collectors.joining("\n", marking + "\n", "\n"));
        FileMoves.moveAfterCommit(file.path(), home.rejected(), target -> {
            FileMoves.writeAtomically(InboxFile.errorsReport(target), report);
            FaultPoints.reach(FaultPoints.ERRORS_WRITTEN);
        });
    }

    private void add(String key, int n) {
        counts.putInt(key, counts.getInt(key) + n);
    }
}
