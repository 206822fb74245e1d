package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;

import org.dhrtracker.Home;
import org.dhrtracker.tabular.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies each checked return in the chunk's transaction and archives it after commit; rejects a
 * file with problems to rejected/ with a sibling .errors.txt; archives a file already applied
 * without applying it again. Counts go to the step's execution context.
 */
public class ReturnFileWriter implements ItemWriter<ReturnFile>, StepExecutionListener {

    public static final String ACCEPTED = "files.accepted";
    public static final String REJECTED = "files.rejected";
    public static final String DUPLICATE = "files.duplicate";
    public static final String ROWS = "rows.applied";

    private static final Logger log = LoggerFactory.getLogger(ReturnFileWriter.class);

    private final ReturnRepository returns;
    private final Home home;
    private final Clock clock;
    private ExecutionContext counts;

    public ReturnFileWriter(ReturnRepository returns, Home home, Clock clock) {
        this.returns = returns;
        this.home = home;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        counts = stepExecution.getExecutionContext();
        for (String key : new String[] {ACCEPTED, REJECTED, DUPLICATE, ROWS}) {
            counts.putInt(key, counts.getInt(key, 0));
        }
    }

    @Override
    public void write(Chunk<? extends ReturnFile> chunk) {
        for (ReturnFile file : chunk) {
            if (!file.isAccepted()) {
                reject(file);
            } else if (returns.alreadyApplied(file.sha256())) {
                log.info("{}: already applied (same content), not applied again", file.fileName());
                FileMoves.moveInto(file.path(), home.archive());
                add(DUPLICATE, 1);
            } else {
                returns.apply(file, clock.instant());
                FileMoves.moveAfterCommit(file.path(), home.archive());
                log.info("{}: accepted, {} updates", file.fileName(), file.rows().size());
                add(ACCEPTED, 1);
                add(ROWS, file.rows().size());
            }
        }
    }

    private void reject(ReturnFile file) {
        Path moved = FileMoves.moveInto(file.path(), home.rejected());
        String report = file.problems().stream().map(Problem::toString).collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(moved.resolveSibling(moved.getFileName() + ".errors.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.warn("{}: rejected, nothing applied ({} problems, listed in rejected/{}.errors.txt)",
                file.fileName(), file.problems().size(), moved.getFileName());
        file.problems().stream().limit(20).forEach(p -> log.warn("  {}", p));
        add(REJECTED, 1);
    }

    private void add(String key, int n) {
        counts.putInt(key, counts.getInt(key) + n);
    }
}
