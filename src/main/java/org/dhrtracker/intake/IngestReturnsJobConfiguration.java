package org.dhrtracker.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.dhrtracker.FaultPoints;
import org.dhrtracker.Home;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.reconcile.ClosureRepository;
import org.dhrtracker.tabular.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ingest-returns: every file in the inbox, agency returns and then sign-off files, each applied whole
 * or rejected whole. Files are applied {@link #FILES_PER_TRANSACTION} to a transaction: every commit of
 * the file database waits for the disk, and a national month brings thousands of small returns. A file
 * moves out of the inbox only once its transaction has committed, so a failure or a hard kill leaves
 * the files of the open transaction in the inbox, unapplied. Exit status COMPLETED WITH REJECTIONS
 * when any file was rejected.
 */
@Configuration
public class IngestReturnsJobConfiguration {

    public static final String JOB = "ingest-returns";
    public static final ExitStatus WITH_REJECTIONS = new ExitStatus("COMPLETED WITH REJECTIONS");
    /**
     * Files per chunk. Checked files wait in memory until their chunk is written, so this also bounds
     * what a chunk holds: 20 returns of a few hundred rows are a few megabytes.
     */
    public static final int FILES_PER_TRANSACTION = 20;

    @Bean
    Job ingestReturnsJob(JobRepository jobRepository, Step ingestReturnsStep) {
        return new JobBuilder(JOB, jobRepository).start(ingestReturnsStep).build();
    }

    @Bean
    Step ingestReturnsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InboxReader inboxReader,
            InboxFileChecker inboxFileChecker, InboxFileWriter inboxFileWriter, Clock clock) {
        return new StepBuilder("ingest-returns", jobRepository).<Path, InboxFile>chunk(FILES_PER_TRANSACTION)
                .reader(inboxReader)
                .processor(inboxFileChecker)
                .writer(inboxFileWriter)
                .transactionManager(transactionManager)
                .listener(rejectionExitStatus())
                .listener((StepExecutionListener) inboxFileWriter)
                .listener(saveContextOnStart(jobRepository))
                .listener(new IngestProgress(clock))
                .build();
    }

    @Bean
    @StepScope
    InboxReader inboxReader(Home home, InboxGate gate) {
        return new InboxReader(home.inbox(), gate::admits);
    }

    /** Reads the register's action keys once per step and review, not once per row. */
    @Bean
    @StepScope
    InboxFileChecker inboxFileChecker(RegisterRepository register, ClosureRepository closure, Clock clock, InboxReader inboxReader) {
        return new InboxFileChecker(new SignOffFile.Context(register.actionKeys(), closure, LocalDate.now(clock)), inboxReader::isSignOff,
                inboxReader.returns());
    }

    /**
     * Reads and checks each file of the inbox, a return or a sign-off file (told by its header),
     * against the register (each review's actions as first read in the step). Sign-off files are checked against the
     * claims as committed by then. Returns are read {@link #READ_AHEAD} files ahead on a second thread
     * ({@link ReadAhead}). A class, not a lambda or record, so the step-scoped proxy can subclass it;
     * closed with the step.
     */
    static class InboxFileChecker implements ItemProcessor<Path, InboxFile>, AutoCloseable {
        private static final Logger log = LoggerFactory.getLogger(InboxFileChecker.class);
        /** Returns read ahead: a transaction's worth, held in memory until the step takes them. */
        static final int READ_AHEAD = FILES_PER_TRANSACTION;

        private final SignOffFile.Context context;
        private final Predicate<Path> isSignOff;
        private final ReadAhead readAhead;

        /**
         * @param returns the returns of the inbox, in the order the step takes them: read ahead
         */
        InboxFileChecker(SignOffFile.Context context, Predicate<Path> isSignOff, List<Path> returns) {
            this.context = context;
            this.isSignOff = isSignOff;
            this.readAhead = new ReadAhead(returns, READ_AHEAD, this::readReturn);
        }

        @Override
        public InboxFile process(Path path) throws Exception {
            InboxFile ahead = readAhead.take(path);
            InboxFile file = ahead != null ? checked(ahead) : check(path);
            FaultPoints.reach(FaultPoints.CHECKED);
            return file;
        }

        /** The file read and checked against the register and the claims committed so far. */
        InboxFile check(Path path) throws IOException {
            // Never a symbolic link: SignOffFile.isSignOff says no to one, and readReturn refuses it unread.
            if (isSignOff.test(path)) {
                return checked(SignOffFile.read(path, context));
            }
            return checked(readReturn(path));
        }

        /** A return read without the register: what the read-ahead thread does. */
        private InboxFile readReturn(Path path) throws IOException {
            if (Files.isSymbolicLink(path)) {
                // Never followed: it could point at any file the service can read.
                return InboxFile.refusedUnread(path, "a symbolic link, not a file: not read (put the file itself in the inbox)");
            }
            return ReturnFile.readAhead(path, context.today());
        }

        /** The file checked against the register, on the step's thread. */
        private InboxFile checked(InboxFile file) {
            if (file instanceof ReturnFile r) {
                r.checkAgainst(context.actions());
            }
            if (!file.readAs().isEmpty()) {
                log.info("{}: read as {}", SafeText.escape(file.fileName()), file.readAs());
            }
            return file;
        }

        @Override
        public void close() {
            readAhead.close();
        }
    }

    @Bean
    @StepScope
    InboxFileWriter inboxFileWriter(ReturnRepository returns, ClosureRepository closure, Home home, Clock clock,
            @Value("${dhr.marking}") String marking, InboxFileChecker inboxFileChecker, JobRepository jobRepository) {
        return new InboxFileWriter(returns, closure, home, clock, marking, inboxFileChecker::check, jobRepository);
    }

    /**
     * Saves the step's context as the step starts. On a restart it holds the counts and the last file
     * carried over from the interrupted run, which Batch 6's chunk-oriented step writes only with the
     * first chunk: a second kill before that chunk committed would lose them (the next restart would
     * count from zero and apply a rejected file's refused rows again).
     */
    private static StepExecutionListener saveContextOnStart(JobRepository jobRepository) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                jobRepository.updateExecutionContext(stepExecution);
            }
        };
    }

    private static StepExecutionListener rejectionExitStatus() {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                var counts = stepExecution.getExecutionContext();
                if (counts.getInt(InboxFileWriter.REJECTED, 0) + counts.getInt(InboxFileWriter.SIGN_OFFS_REJECTED, 0) > 0
                        && ExitStatus.COMPLETED.equals(stepExecution.getExitStatus())) {
                    return WITH_REJECTIONS;
                }
                return null;
            }
        };
    }
}
