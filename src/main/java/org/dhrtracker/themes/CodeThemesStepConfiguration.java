package org.dhrtracker.themes;

import org.dhrtracker.BatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * code-themes, the step before a run's reports: codes the recommendations that have no tags stored under the taxonomy
 * in use (a register imported since, or the taxonomy's terms changed) and stores their tags, a transaction per
 * {@code dhr.themes.code-batch} (1,000) recommendations. A month with nothing new reads nothing.
 */
@Configuration
public class CodeThemesStepConfiguration {

    public static final String STEP = "code-themes";

    @Bean
    Step codeThemesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ThemeCoding coding,
            @Value("${dhr.themes.code-batch:1000}") int batch) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            int coded = coding.codeAndStore(batch);
            contribution.incrementWriteCount(coded);
            return coded < batch ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        };
        return BatchConfiguration.taskletStep(STEP, jobRepository, transactionManager, tasklet);
    }
}
