package org.dhrtracker.report;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A streamed workbook (SXSSF) as every workbook of the product is written: rows beyond the window go
 * to a compressed temporary file (a national sheet's XML is 180 MB at 1×, ten times that at 10×),
 * which close() deletes. Deflate takes most of a streamed sheet's time (it runs twice: into the
 * temporary file, then into the workbook), so the temporary file, read back once, is deflated at the
 * fastest level, and the workbook at level 3: on the national sheet's XML, 2.2 times as fast as
 * Deflater's default and 30 % larger (docs/BENCHMARKS.md, 4 December, afternoon).
 */
public class StreamedWorkbook extends SXSSFWorkbook {

    /** The workbook's own deflate level: most of the fastest level's speed (0.24 s against 0.21 s), a tenth smaller. */
    static final int LEVEL = 3;

    /** @param window rows kept in memory per sheet before the oldest go to the temporary file */
    public StreamedWorkbook(int window) {
        super(window);
        // what isCompressTempFiles() reports: createSheetDataWriter below always compresses
        setCompressTempFiles(true);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(LEVEL);
        return zip;
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new GZIPSheetDataWriter(getSharedStringSource()) {
            @Override
            protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                return new GZIPOutputStream(file) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
            }
        };
    }
}
