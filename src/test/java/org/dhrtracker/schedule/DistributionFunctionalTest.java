package org.dhrtracker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.report.Distribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Distribution by e-mail: the real monthly job on the demo data, with SMTP pointing at an in-process
 * GreenMail server (a context of its own: the other functional tests run without SMTP). The last test
 * stops the server to see a send fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionFunctionalTest extends JobTestSupport {

    private static final LocalDate AS_AT = LocalDate.of(2016, 5, 31);
    private static final String BOARD = "chair@nabscop.example.org";
    private static final String COORDINATOR = "dhr.coordinator@nabscop.example.org";

    private static final GreenMail SMTP = startSmtp();

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "5000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "10000");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    RegisterRepository register;

    @BeforeEach
    void demoRegisterAndReturns() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("");
    }

    /** The monthly definition of jobs/ with a distribution list, read as the application reads it. */
    private static JobDefinition monthlyWith(String distribution) throws Exception {
        String text = Files.readString(Path.of("jobs", "monthly.properties")) + "\ndistribution=" + distribution + "\n";
        return JobDefinitions.parse("jobs/monthly.properties", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private JobExecution monthly(JobDefinition definition) throws Exception {
        return run(MonthlyJobConfiguration.JOB, MonthlyJobConfiguration.parameters(params(), definition, AS_AT, null));
    }

    @Test
    @Order(1)
    void eachReviewsBoardReportIsEmailedToTheDistributionListMarkingFirst() throws Exception {
        JobDefinition definition = monthlyWith(BOARD + ", " + COORDINATOR);
        assertThat(definition.distribution()).containsExactly(BOARD, COORDINATOR);

        JobExecution run = monthly(definition);

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one message, one copy per recipient
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("OFFICIAL-SENSITIVE: DHR1 progress report as at 31 May 2016");
        assertThat(addresses(message.getRecipients(Message.RecipientType.TO))).containsExactly(BOARD, COORDINATOR);

        List<Part> parts = parts(message);
        List<Part> attachments = parts.stream().filter(this::isAttachment).toList();
        assertThat(attachments).extracting(Part::getFileName)
                .containsExactly("DHR1-board-report-2016-05-31.pdf", "NABSCOP-partnership-report-2016-05-31.pdf");
        for (Part pdf : attachments) {
            assertThat(pdf.getContentType()).startsWith("application/pdf");
        }
        String board = pdfText(attachments.get(0));
        assertThat(board).contains(register.review("DHR1").orElseThrow().title()).contains("31 May 2016");

        String body = parts.stream().filter(p -> !isAttachment(p)).map(this::text).findFirst().orElseThrow();
        assertThat(body).startsWith("OFFICIAL-SENSITIVE").contains("DHR1-board-report-2016-05-31.pdf")
                .contains("NABSCOP-partnership-report-2016-05-31.pdf");
        assertThat(stepContext(run, "distribute").getString(Distribution.SUMMARY)).startsWith("Emailed:").contains(BOARD);
        // The reports are in their folder too.
        assertThat(home.out().resolve("NABSCOP/DHR1-board-report-2016-05-31.pdf")).isRegularFile();
    }

    @Test
    @Order(2)
    void withoutADistributionListNothingIsSent() throws Exception {
        int before = SMTP.getReceivedMessages().length;

        JobExecution run = monthly(JobDefinitions.parse("jobs/monthly.properties", Files.newInputStream(Path.of("jobs", "monthly.properties"))));

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(run.getJobParameters().getString(Distribution.DISTRIBUTION)).isNull();
        assertThat(SMTP.getReceivedMessages()).hasSize(before);
        assertThat(home.out().resolve("NABSCOP/DHR1-board-report-2016-05-31.pdf")).isRegularFile();
    }

    @Test
    @Order(3)
    void anInvalidAddressInADefinitionIsRefusedNamingFileAndKey() {
        assertThatThrownBy(() -> monthlyWith(BOARD + ", chair at nabscop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs/monthly.properties")
                .hasMessageContaining("distribution")
                .hasMessageContaining("'chair at nabscop'");
        assertThatThrownBy(() -> monthlyWith("board@"))
                .hasMessageContaining("jobs/monthly.properties: distribution: 'board@' is not an e-mail address");
        assertThatThrownBy(() -> Distribution.addresses("Board <board@nabscop.example.org>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(4)
    void aSendFailureLeavesTheReportsOnDiskAndSaysWhatFailed() throws Exception {
        SMTP.stop(); // nothing listens on the configured port any more

        JobExecution run = monthly(monthlyWith(BOARD));

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(Distribution.WITH_FAILURES.getExitCode())
                .isEqualTo("COMPLETED WITH DISTRIBUTION FAILURES");
        assertThat(run.getStatus().isUnsuccessful()).isFalse();
        assertThat(home.out().resolve("NABSCOP/DHR1-board-report-2016-05-31.pdf")).isRegularFile();
        assertThat(home.out().resolve("NABSCOP/NABSCOP-partnership-report-2016-05-31.pdf")).isRegularFile();
        assertThat(stepContext(run, "distribute").getString(Distribution.SUMMARY))
                .startsWith("NOT EMAILED:  DHR1 (DHR1-board-report-2016-05-31.pdf, NABSCOP-partnership-report-2016-05-31.pdf) to " + BOARD)
                .contains("The reports are in their folder.");
        assertThat(run.getJobParameters().getString(BatchConfiguration.REVIEW)).isNull();
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        for (Address a : addresses) {
            list.add(a.toString());
        }
        return list;
    }

    private boolean isAttachment(Part p) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(parts(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private String text(Part p) {
        try {
            return (String) p.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(Part pdf) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = pdf.getInputStream()) {
            in.transferTo(bytes);
        }
        try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
