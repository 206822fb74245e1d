package org.dhrtracker.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

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
 * ingest-returns: every file in the inbox, agency returns and then sign-off files, is one chunk, so
 * each file is applied or rejected in a transaction of its own. Exit status COMPLETED WITH REJECTIONS when any file was rejected.
 */
@Configuration
public class IngestReturnsJobConfiguration {

    public static final String JOB = "ingest-returns";
    public static final ExitStatus WITH_REJECTIONS = new ExitStatus("COMPLETED WITH REJECTIONS");

    @Bean
    Job ingestReturnsJob(JobRepository jobRepository, Step ingestReturnsStep) {
        return new JobBuilder(JOB, jobRepository).start(ingestReturnsStep).build();
    }

    @Bean
    Step ingestReturnsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InboxReader inboxReader,
            InboxFileChecker inboxFileChecker, InboxFileWriter inboxFileWriter, Clock clock) {
        return new StepBuilder("ingest-returns", jobRepository).<Path, InboxFile>chunk(1)
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

    /** Loads the register's action keys once per step, not once per row. */
    @Bean
    @StepScope
    InboxFileChecker inboxFileChecker(RegisterRepository register, ClosureRepository closure, Clock clock) {
        return new InboxFileChecker(new SignOffFile.Context(register.actionKeys(), closure, LocalDate.now(clock)));
    }

    /**
     * Reads and checks each file of the inbox, a return or a sign-off file (told by its header),
     * against the register as it was when the step began. Sign-off files are checked against the
     * claims as committed by then. A class, not a lambda or record, so the step-scoped proxy can
     * subclass it.
     */
    static class InboxFileChecker implements ItemProcessor<Path, InboxFile> {
        private static final Logger log = LoggerFactory.getLogger(InboxFileChecker.class);

        private final SignOffFile.Context context;

        InboxFileChecker(SignOffFile.Context context) {
            this.context = context;
        }

        @Override
        public InboxFile process(Path path) throws Exception {
            if (Files.isSymbolicLink(path)) {
                // Never followed: it could point at any file the service can read.
                return InboxFile.refusedUnread(path, "a symbolic link, not a file: not read (put the file itself in the inbox)");
            }
            InboxFile file = SignOffFile.isSignOff(path) ? SignOffFile.read(path, context)
                    : ReturnFile.read(path, context.actions(), context.today());
            if (!file.readAs().isEmpty()) {
                log.info("{}: read as {}", SafeText.escape(file.fileName()), file.readAs());
            }
            FaultPoints.reach(FaultPoints.CHECKED);
            return file;
        }
    }

    @Bean
    @StepScope
    InboxFileWriter inboxFileWriter(ReturnRepository returns, ClosureRepository closure, Home home, Clock clock,
            @Value("${dhr.marking}") String marking) {
        return new InboxFileWriter(returns, closure, home, clock, marking);
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
