package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The application schema is kept once per database, as Spring Batch keeps its own; the two scripts
 * must not drift apart: the PostgreSQL one is the HSQLDB one with LONGVARCHAR written TEXT.
 */
class SchemaScriptsTest {

    @Test
    void postgresqlSchemaIsTheHsqldbSchemaWithTextForLongvarchar() throws IOException {
        String hsqldb = statements(DatabaseVendor.HSQLDB.applicationSchema());
        String postgresql = statements(DatabaseVendor.POSTGRESQL.applicationSchema());

        assertThat(postgresql).isEqualTo(hsqldb.replace("LONGVARCHAR", "TEXT"));
    }

    /** The script without its comments, one space for each run of white space. */
    private static String statements(String script) throws IOException {
        return new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*--.*$", "").replaceAll("\\s+", " ").strip();
    }
}
