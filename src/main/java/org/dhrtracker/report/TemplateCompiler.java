package org.dhrtracker.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every templates/*.jrxml of a folder into a .jasper beside it. The build runs it
 * (process-classes), so the jar carries its reports compiled and no run spends a second compiling
 * one; {@link JasperPdf} compiles a template itself only when its .jasper is missing.
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    /** @param args the folder of the templates, e.g. target/classes/templates */
    public static void main(String[] args) throws IOException, JRException {
        Path dir = Path.of(args[0]);
        List<Path> templates;
        try (Stream<Path> files = Files.list(dir)) {
            templates = files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path jrxml : templates) {
            Path jasper = dir.resolve(jrxml.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper"));
            try (InputStream in = Files.newInputStream(jrxml); OutputStream out = Files.newOutputStream(jasper)) {
                JasperCompileManager.compileReportToStream(in, out);
            }
        }
        System.out.println("Compiled " + templates.size() + " report templates in " + dir);
    }
}
