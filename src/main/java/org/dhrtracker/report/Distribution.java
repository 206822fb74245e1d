package org.dhrtracker.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.register.Review;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Distribution of a run's board PDFs. The reports are always in their folder under HOME (the
 * definition's {@code output}); when SMTP is configured ({@code spring.mail.host}) and the run has a
 * distribution list (job parameter {@link #DISTRIBUTION}, from the definition's {@code distribution}
 * key), each review's board report, with its partnership's report when one was produced, is e-mailed
 * to the list: one message per review, the protective marking first in the subject, a plain-text body
 * that names the attachments and nothing of their content. A message that cannot be sent is a
 * failure of distribution, not of the run: the reports stay on disk, the step ends with
 * {@link #WITH_FAILURES} and its context says what failed ({@link #SUMMARY}).
 */
@Component
public class Distribution {

    /** Job parameter: the e-mail addresses of the board, separated by commas. */
    public static final String DISTRIBUTION = "distribution";
    /** Step context: one line per message sent or failed. */
    public static final String SUMMARY = "distribution";
    public static final ExitStatus WITH_FAILURES = new ExitStatus("COMPLETED WITH DISTRIBUTION FAILURES");

    private static final Logger log = LoggerFactory.getLogger(Distribution.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final RegisterRepository register;
    private final String marking;
    private final String from;
    private final AtomicBoolean toldFolderOnly = new AtomicBoolean();

    public Distribution(ObjectProvider<JavaMailSender> mailSender, RegisterRepository register,
            @Value("${dhr.marking}") String marking, @Value("${dhr.distribution.from:dhr-tracker@localhost}") String from) {
        this.mailSender = mailSender;
        this.register = register;
        this.marking = marking;
        this.from = from;
    }

    /**
     * The addresses of a distribution list (comma separated; blank: none).
     *
     * @throws IllegalArgumentException naming the first address that is not one
     */
    public static List<String> addresses(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (String a : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                InternetAddress address = new InternetAddress(a, true);
                address.validate();
                if (address.getPersonal() != null || !address.getAddress().equals(a) || !a.contains("@")
                        || a.substring(a.indexOf('@') + 1).isEmpty()) {
                    throw new AddressException("not a plain address");
                }
            } catch (AddressException e) {
                throw new IllegalArgumentException("'" + a + "' is not an e-mail address (write name@example.org, separated by commas)");
            }
            addresses.add(a);
        }
        return List.copyOf(addresses);
    }

    /** The distribution step's work: run after the report step of the same job execution. */
    public RepeatStatus distribute(StepContribution contribution, StepExecution step, LocalDate asAt, String reviewParameter,
            String distribution) {
        List<String> to = addresses(distribution);
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || to.isEmpty()) {
            if (toldFolderOnly.compareAndSet(false, true)) {
                log.info(sender == null ? "SMTP is not configured (spring.mail.host): distribution is by folder only"
                        : "No distribution list for this run: distribution is by folder only");
            }
            return RepeatStatus.FINISHED;
        }
        List<Path> outputs = outputs(step.getJobExecution());
        List<String> reviews = Optional.ofNullable(BatchConfiguration.reviews(reviewParameter)).orElseGet(register::reviewIds);
        List<String> lines = new ArrayList<>();
        int failures = 0;
        for (String reviewId : reviews) {
            List<Path> attachments = new ArrayList<>();
            find(outputs, ReportKind.BOARD_PDF.fileName(ReportService.safe(reviewId), asAt)).ifPresent(attachments::add);
            register.review(reviewId).map(Review::partnership)
                    .flatMap(p -> find(outputs, ReportKind.PARTNERSHIP.fileName(ReportService.safe(p), asAt)))
                    .ifPresent(attachments::add);
            if (attachments.isEmpty()) {
                continue;
            }
            String subject = marking + ": " + reviewId + " progress report as at " + ReportFormats.longDate(asAt);
            try {
                send(sender, to, subject, body(reviewId, asAt, attachments), attachments);
                lines.add("Emailed:      " + reviewId + " (" + names(attachments) + ") to " + String.join(", ", to));
                contribution.incrementWriteCount(1);
            } catch (MailException | MessagingException e) {
                failures++;
                String reason = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()).lines().findFirst().orElse("");
                lines.add("NOT EMAILED:  " + reviewId + " (" + names(attachments) + ") to " + String.join(", ", to) + ": " + reason
                        + ". The reports are in their folder.");
                log.warn("Distribution of {} to {} failed: {}", reviewId, to.size() + " addresses", reason);
            }
        }
        step.getExecutionContext().putString(SUMMARY, String.join("\n", lines));
        if (failures > 0) {
            contribution.setExitStatus(WITH_FAILURES.addExitDescription(failures + " of " + (lines.size()) + " messages not sent"));
        }
        return RepeatStatus.FINISHED;
    }

    private void send(JavaMailSender sender, List<String> to, String subject, String body, List<Path> attachments)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(subject);
        helper.setText(body, false);
        for (Path file : attachments) {
            helper.addAttachment(file.getFileName().toString(), new FileSystemResource(file), "application/pdf");
        }
        sender.send(message);
    }

    /** Names the attachments; never any of their content. */
    private String body(String reviewId, LocalDate asAt, List<Path> attachments) {
        StringBuilder b = new StringBuilder(marking).append("\n\n")
                .append("Attached: the progress report").append(attachments.size() > 1 ? "s" : "")
                .append(" of review ").append(reviewId).append(" as at ").append(ReportFormats.longDate(asAt)).append(".\n\n");
        for (Path p : attachments) {
            String name = p.getFileName().toString();
            b.append("- ").append(name).append(name.contains("-partnership-report-") ? " (partnership report)" : " (board report)")
                    .append('\n');
        }
        return b.append("\nSent by dhr-tracker. Handle according to the marking.\n").toString();
    }

    /** The files the job's report step wrote (its context's {@link ReportJobConfiguration#OUTPUTS}). */
    private static List<Path> outputs(JobExecution job) {
        List<Path> paths = new ArrayList<>();
        for (StepExecution s : job.getStepExecutions()) {
            for (String p : s.getExecutionContext().getString(ReportJobConfiguration.OUTPUTS, "").split("\n")) {
                if (!p.isBlank()) {
                    paths.add(Path.of(p));
                }
            }
        }
        return paths;
    }

    private static Optional<Path> find(List<Path> outputs, String fileName) {
        return outputs.stream().filter(p -> p.getFileName().toString().equals(fileName) && Files.isRegularFile(p)).findFirst();
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    }
}
