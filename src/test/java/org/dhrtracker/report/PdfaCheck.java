package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates a PDF with veraPDF against the PDF/A level the application claims; fails with the rules broken. */
public final class PdfaCheck {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfaCheck() {
    }

    /** e.g. PDFA_1A becomes veraPDF's flavour "1a". */
    public static PDFAFlavour claimed() {
        return PDFAFlavour.fromString(JasperPdf.PDFA.getName().replace("pdfa", "").toLowerCase(java.util.Locale.ROOT));
    }

    public static void assertCompliant(Path pdf) throws Exception {
        PDFAFlavour flavour = claimed();
        assertThat(flavour).isNotEqualTo(PDFAFlavour.NO_FLAVOUR);
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()).distinct().toList();
            assertThat(failed).as("veraPDF %s failures of %s", flavour, pdf.getFileName()).isEmpty();
            assertThat(result.isCompliant()).as("%s is PDF/A %s", pdf.getFileName(), flavour).isTrue();
        }
    }
}
