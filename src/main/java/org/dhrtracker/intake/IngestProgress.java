package org.dhrtracker.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of an ingest on the console, counts only: files and rows read, rows per second,
 * files rejected; every {@link #EVERY_FILES} files or {@link #EVERY} at most, and at the end.
 */
class IngestProgress implements ChunkListener<Path, InboxFile>, StepExecutionListener {

    static final int EVERY_FILES = 50;
    static final Duration EVERY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

    private final Clock clock;
    /** The writer's counts ({@link InboxFileWriter}): what was applied, not what the chunk's items first said. */
    private org.springframework.batch.infrastructure.item.ExecutionContext counts;
    private Instant started;
    private Instant lastLogged;
    private long filesAtLastLog;
    private long files;
    private long rows;
    private long rejected;
    /** Rows counted before this execution of the step began (a restarted step carries its counts on). */
    private long rowsBefore;

    IngestProgress(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        counts = stepExecution.getExecutionContext();
        started = lastLogged = clock.instant();
        filesAtLastLog = files();
        rowsBefore = count(InboxFileWriter.ROWS) + count(InboxFileWriter.DECISIONS);
    }

    @Override
    public void afterChunk(Chunk<InboxFile> chunk) {
        files = files();
        rows = count(InboxFileWriter.ROWS) + count(InboxFileWriter.DECISIONS);
        rejected = count(InboxFileWriter.REJECTED) + count(InboxFileWriter.SIGN_OFFS_REJECTED);
        Instant now = clock.instant();
        if (isDue(files - filesAtLastLog, Duration.between(lastLogged, now))) {
            logProgress(now);
        }
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        if (files > filesAtLastLog) {
            logProgress(clock.instant());
        }
        return null;
    }

    private long files() {
        return count(InboxFileWriter.ACCEPTED) + count(InboxFileWriter.REJECTED) + count(InboxFileWriter.DUPLICATE)
                + count(InboxFileWriter.SIGN_OFFS_ACCEPTED) + count(InboxFileWriter.SIGN_OFFS_REJECTED)
                + count(InboxFileWriter.SIGN_OFFS_DUPLICATE);
    }

    private long count(String key) {
        return counts.getInt(key, 0);
    }

    /** Whether to log again, given the files and time since the last line. */
    static boolean isDue(long filesSince, Duration since) {
        return filesSince >= EVERY_FILES || (filesSince > 0 && since.compareTo(EVERY) >= 0);
    }

    private void logProgress(Instant now) {
        double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
        log.info("ingest: {} files, {} rows read, {} rows/s, {} files rejected", files, rows, Math.round((rows - rowsBefore) / seconds), rejected);
        lastLogged = now;
        filesAtLastLog = files;
    }
}
