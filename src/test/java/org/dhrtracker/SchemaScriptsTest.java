package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The application schema is kept once per database, as Spring Batch keeps its own; the two scripts
 * must not drift apart: the PostgreSQL one is the HSQLDB one with LONGVARCHAR written TEXT, and an
 * index on a foreign key's column that HSQLDB makes itself for the key (PostgreSQL does not).
 */
class SchemaScriptsTest {

    @Test
    void postgresqlSchemaIsTheHsqldbSchemaWithTextForLongvarchar() throws IOException {
        String hsqldb = statements(DatabaseVendor.HSQLDB.applicationSchema());
        String postgresql = statements(DatabaseVendor.POSTGRESQL.applicationSchema());

        assertThat(postgresql.replace(" CREATE INDEX progress_update_part ON progress_update (part_id);", ""))
                .isEqualTo(hsqldb.replace("LONGVARCHAR", "TEXT"));
    }

    /** The script without its comments, one space for each run of white space. */
    private static String statements(String script) throws IOException {
        return new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*--.*$", "").replaceAll("\\s+", " ").strip();
    }
}
