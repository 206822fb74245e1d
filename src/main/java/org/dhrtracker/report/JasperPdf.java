package org.dhrtracker.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
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
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

import org.springframework.stereotype.Component;

/**
 * What every PDF of dhr-tracker shares (board report, partnership report, Home Office pack):
 * templates of templates/ compiled once per process, the parameters of every page's header and
 * footer, and the export as a tagged, titled PDF/A document in British English.
 */
@Component
public class JasperPdf {

    /**
     * The PDF/A level claimed: the highest Jasper 7.0.6 with OpenPDF reaches. PDF/A-2a fails veraPDF on the
     * CIDSet OpenPDF writes for its font subsets (rule 6.2.11.4.2-2), a check PDF/A-1 does not make.
     */
    public static final PdfaConformanceEnum PDFA = PdfaConformanceEnum.PDFA_1A;

    /** Compiled on first use; a compiled report can be filled by several threads at once. */
    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();
    private volatile Path iccProfile;

    /** The compiled template templates/{name}.jrxml. */
    public JasperReport template(String name) throws IOException {
        JasperReport report = compiled.get(name);
        if (report == null) {
            // Compiling twice in a race is harmless; computeIfAbsent cannot throw the checked exception.
            report = compile(name);
            JasperReport other = compiled.putIfAbsent(name, report);
            report = other != null ? other : report;
        }
        return report;
    }

    /** The parameters of every page's header, footer and title block: marking, partnership, review, date, when generated. */
    static Map<String, Object> pageParameters(ReportData data) {
        Map<String, Object> params = new HashMap<>();
        params.put("MARKING", data.marking());
        params.put("PARTNERSHIP_NAME", data.partnershipName() != null ? data.partnershipName() : data.partnership());
        params.put("REVIEW_TITLE", data.reviewTitle() != null ? data.reviewTitle() : data.reviewId());
        params.put("AS_AT", ReportFormats.longDate(data.asAt()));
        params.put("GENERATED", ReportFormats.timestamp(data.generatedAt()));
        return params;
    }

    /**
     * Fills the template with the parameters and rows and exports it to the file, with a real document
     * title (the marking first) and the partnership as author.
     */
    public void write(String template, Map<String, Object> params, Collection<Map<String, ?>> rows, ReportData data,
            String title, String subject, Path file) throws IOException {
        try {
            JasperPrint print = JasperFillManager.fillReport(template(template), params, new JRMapCollectionDataSource(rows));
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(file.toFile()));
            exporter.setConfiguration(configuration(data.marking() + ": " + title, subject, data.partnershipName()));
            exporter.exportReport();
        } catch (JRException e) {
            throw new IOException("Could not produce " + file.getFileName(), e);
        }
    }

    /** Tagged PDF with a real document title, so screen readers can navigate it; PDF/A, so it can be archived. */
    private SimplePdfExporterConfiguration configuration(String title, String subject, String author) throws IOException {
        SimplePdfExporterConfiguration c = new SimplePdfExporterConfiguration();
        c.setTagged(true);
        c.setTagLanguage("en-GB");
        c.setMetadataTitle(title);
        c.setDisplayMetadataTitle(true);
        c.setMetadataSubject(subject);
        c.setMetadataAuthor(author);
        c.setMetadataCreator("dhr-tracker");
        c.setPdfaConformance(PDFA);
        c.setIccProfilePath(iccProfile().toString());
        return c;
    }

    /** PDF/A needs an output intent: the JDK's own sRGB profile, written once to a temporary file Jasper can read. */
    private Path iccProfile() throws IOException {
        Path p = iccProfile;
        if (p == null) {
            synchronized (this) {
                p = iccProfile;
                if (p == null) {
                    p = Files.createTempFile("dhr-srgb", ".icc");
                    p.toFile().deleteOnExit();
                    Files.write(p, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
                    iccProfile = p;
                }
            }
        }
        return p;
    }

    /** The template as the build compiled it ({@link TemplateCompiler}), or compiled now when the build did not. */
    private static JasperReport compile(String name) throws IOException {
        try (InputStream compiled = JasperPdf.class.getClassLoader().getResourceAsStream("templates/" + name + ".jasper")) {
            if (compiled != null) {
                return (JasperReport) net.sf.jasperreports.engine.util.JRLoader.loadObject(compiled);
            }
        } catch (JRException e) {
            throw new IOException("Could not load templates/" + name + ".jasper", e);
        }
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
}
