package org.dhrtracker.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV file written under HOME/out: the protective marking on the first line, then RFC 4180
 * records. Formula-like text ({@link SpreadsheetText}) is prefixed with a single quote and quoted,
 * so a spreadsheet program opening the file shows it as text and never runs it; text that starts
 * with a quote already gets one more, so that reading back is exact. Other fields are quoted only
 * when they need it.
 */
public final class OutputCsv implements Closeable {

    private static final CSVFormat PLAIN = CSVFormat.RFC4180;
    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private final Writer out;

    private OutputCsv(Writer out) {
        this.out = out;
    }

    /** Creates (or replaces) the file and writes the marking as its first line. */
    public static OutputCsv create(Path file, String marking) throws IOException {
        OutputCsv csv = new OutputCsv(Files.newBufferedWriter(file));
        csv.record(marking);
        return csv;
    }

    /** One record; null is an empty field, numbers and dates are written as they are. */
    public void record(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] instanceof String text && SpreadsheetText.needsCsvQuote(text)) {
                QUOTED.print(SpreadsheetText.forCsv(text), out, i == 0);
            } else {
                PLAIN.print(fields[i], out, i == 0);
            }
        }
        PLAIN.println(out);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
