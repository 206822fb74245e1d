package org.dhrtracker.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * The PDFs' Jasper plumbing: templates of templates/ compiled once per process, and the export to
 * a tagged PDF with a title and language. Shared by the board report and the Home Office pack.
 */
final class JasperPdf {

    /** Compiled on first use; a compiled report can be filled by several threads at once. */
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private JasperPdf() {
    }

    /** The compiled template templates/&lt;name&gt;.jrxml. */
    static JasperReport compiled(String name) throws IOException {
        JasperReport report = COMPILED.get(name);
        if (report == null) {
            // Compiling twice in a race is harmless; computeIfAbsent cannot throw the checked exception.
            report = compile(name);
            COMPILED.putIfAbsent(name, report);
        }
        return report;
    }

    private static JasperReport compile(String name) throws IOException {
        String resource = "templates/" + name + ".jrxml";
        try (InputStream in = JasperPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new IOException("Could not compile " + resource, e);
        }
    }

    /** The parameters of every page's header, footer and title block: marking, partnership, review, date, when generated. */
    static Map<String, Object> pageParameters(ReportData data) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("MARKING", data.marking());
        params.put("PARTNERSHIP_NAME", data.partnershipName());
        params.put("REVIEW_TITLE", data.reviewTitle() != null ? data.reviewTitle() : data.reviewId());
        params.put("AS_AT", ReportFormats.longDate(data.asAt()));
        params.put("GENERATED", ReportFormats.timestamp(data.generatedAt()));
        return params;
    }

    /**
     * Fills the template with the rows and parameters and writes a tagged PDF, with a real document
     * title (the marking first) so screen readers can navigate it.
     */
    static void write(String template, Map<String, Object> params, java.util.Collection<Map<String, ?>> rows, ReportData data,
            String title, String subject, Path file) throws IOException {
        JasperReport report = compiled(template);
        try {
            JasperPrint print = JasperFillManager.fillReport(report, params, new JRMapCollectionDataSource(rows));
            SimplePdfExporterConfiguration c = new SimplePdfExporterConfiguration();
            c.setTagged(true);
            c.setTagLanguage("en-GB");
            c.setMetadataTitle(data.marking() + ": " + title);
            c.setDisplayMetadataTitle(true);
            c.setMetadataSubject(subject);
            c.setMetadataAuthor(data.partnershipName());
            c.setMetadataCreator("dhr-tracker");
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(file.toFile()));
            exporter.setConfiguration(c);
            exporter.exportReport();
        } catch (JRException e) {
            throw new IOException("Could not produce " + file.getFileName(), e);
        }
    }
}
