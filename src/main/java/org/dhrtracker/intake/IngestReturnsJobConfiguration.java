package org.dhrtracker.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.dhrtracker.Home;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.register.RegisterRepository.ActionKey;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * ingest-returns: every file in the inbox is one chunk, so each file is applied or rejected in a
 * transaction of its own. Exit status COMPLETED WITH REJECTIONS when any file was rejected.
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
            ReturnFileChecker returnFileChecker, ReturnFileWriter returnFileWriter) {
        return new StepBuilder("ingest-returns", jobRepository).<Path, ReturnFile>chunk(1)
                .reader(inboxReader)
                .processor(returnFileChecker)
                .writer(returnFileWriter)
                .transactionManager(transactionManager)
                .listener(rejectionExitStatus())
                .listener((StepExecutionListener) returnFileWriter)
                .build();
    }

    @Bean
    @StepScope
    InboxReader inboxReader(Home home) {
        return new InboxReader(home.inbox());
    }

    /** Loads the register's action keys once per step, not once per row. */
    @Bean
    @StepScope
    ReturnFileChecker returnFileChecker(RegisterRepository register, Clock clock) {
        return new ReturnFileChecker(register.actionKeys(), LocalDate.now(clock));
    }

    /**
     * Reads and checks each file of the inbox against the register as it was when the step began.
     * A class, not a lambda or record, so the step-scoped proxy can subclass it.
     */
    static class ReturnFileChecker implements ItemProcessor<Path, ReturnFile> {
        private final Map<String, Map<String, ActionKey>> actions;
        private final LocalDate today;

        ReturnFileChecker(Map<String, Map<String, ActionKey>> actions, LocalDate today) {
            this.actions = actions;
            this.today = today;
        }

        @Override
        public ReturnFile process(Path path) throws Exception {
            return ReturnFile.read(path, actions, today);
        }
    }

    @Bean
    @StepScope
    ReturnFileWriter returnFileWriter(ReturnRepository returns, Home home, Clock clock) {
        return new ReturnFileWriter(returns, home, clock);
    }

    private static StepExecutionListener rejectionExitStatus() {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                if (stepExecution.getExecutionContext().getInt(ReturnFileWriter.REJECTED, 0) > 0
                        && ExitStatus.COMPLETED.equals(stepExecution.getExitStatus())) {
                    return WITH_REJECTIONS;
                }
                return null;
            }
        };
    }
}
