package org.dhrtracker.register;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.tabular.SafeText;
import org.dhrtracker.register.RegisterRepository.ImportCounts;
import org.dhrtracker.tabular.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * import-register: reads a register file (parameter {@code file}), checks it whole, and creates or
 * updates the register in one transaction. A file with problems ends the job with exit status
 * REJECTED and changes nothing.
 */
@Configuration
public class ImportRegisterJobConfiguration {

    public static final String JOB = "import-register";
    public static final ExitStatus REJECTED = new ExitStatus("REJECTED");
    /** Step context key: the actions (review and ref) whose target date holds no date that could be read. */
    public static final String TARGETS_TO_CHECK = "targets.to.check";
    private static final int MAX_SHOWN = 50;

    private static final Logger log = LoggerFactory.getLogger(ImportRegisterJobConfiguration.class);

    /** REJECTED, with the problems (the first 50) as its description for the command line to print. */
    public static ExitStatus rejected(List<Problem> problems) {
        List<String> shown = problems.stream().limit(MAX_SHOWN).map(SafeText::escape).toList();
        int more = problems.size() - shown.size();
        return REJECTED.addExitDescription(String.join("\n", shown)
                + (more > 0 ? "\n... and " + more + " more problems (all in the log)" : ""));
    }

    @Bean
    Job importRegisterJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet importRegisterTasklet) {
        return BatchConfiguration.oneStepJob(JOB, jobRepository,
                BatchConfiguration.taskletStep(JOB, jobRepository, transactionManager, importRegisterTasklet));
    }

    @Bean
    @StepScope
    Tasklet importRegisterTasklet(@Value("#{jobParameters['" + BatchConfiguration.FILE + "']}") String file,
            @Value("#{jobParameters['" + BatchConfiguration.REVIEW + "']}") String review, RegisterRepository register) {
        return (contribution, chunkContext) -> {
            RegisterFile checked = RegisterFile.read(Path.of(file), review);
            if (!checked.readAs().isEmpty()) {
                log.info("{}: read as {}", checked.fileName(), checked.readAs());
            }
            if (!checked.ignoredColumns().isEmpty()) {
                log.info("{}: columns ignored: {}", SafeText.escape(checked.fileName()), SafeText.escape(checked.ignoredColumns()));
            }
            if (!checked.isAccepted()) {
                log.warn("{}: rejected, the register is unchanged ({} problems)", SafeText.escape(checked.fileName()),
                        checked.problems().size());
                checked.problems().forEach(p -> log.warn("  {}", SafeText.escape(p)));
                contribution.setExitStatus(rejected(checked.problems()));
                return RepeatStatus.FINISHED;
            }
            ImportCounts counts = register.save(checked.entries());
            contribution.incrementWriteCount(checked.entries().size());
            log.info("{}: {} actions imported ({} new, {} updated); {} recommendations ({} new)", SafeText.escape(checked.fileName()),
                    checked.entries().size(), counts.actionsAdded(), counts.actionsUpdated(),
                    counts.recommendationsAdded() + counts.recommendationsUpdated(), counts.recommendationsAdded());
            // Refs only: the target text itself may be narrative.
            String toCheck = checked.entries().stream().filter(e -> e.action().due().needsCheck())
                    .map(e -> e.review().id() + " " + e.action().ref()).collect(Collectors.joining(", "));
            if (!toCheck.isEmpty()) {
                log.info("{}: target dates with no date that could be read, to check: {}", SafeText.escape(checked.fileName()),
                        SafeText.escape(toCheck));
                contribution.getStepExecution().getExecutionContext().putString(TARGETS_TO_CHECK, toCheck);
            }
            return RepeatStatus.FINISHED;
        };
    }
}
