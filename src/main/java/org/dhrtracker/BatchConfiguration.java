package org.dhrtracker;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch with its job repository in the product's own database, so a run's history and
 * restart state live beside the register.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository(dataSourceRef = "dataSource", transactionManagerRef = "transactionManager")
public class BatchConfiguration {

    /** Job parameter names shared by the jobs. */
    public static final String AS_AT = "asAt";
    public static final String REVIEW = "review";
    public static final String FILE = "file";
    public static final String RUN = "run";

    /** The review ids of a {@link #REVIEW} parameter (comma separated), or null for every review. */
    public static java.util.List<String> reviews(String parameter) {
        return parameter == null || parameter.isBlank() ? null
                : java.util.Arrays.stream(parameter.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
