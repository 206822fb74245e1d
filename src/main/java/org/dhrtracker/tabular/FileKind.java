package org.dhrtracker.tabular;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file really is, told by its first bytes (and, for a zip or an OLE2 container, the names of
 * its parts), whatever its name says: so a workbook named .csv, a PDF or an encrypted workbook is
 * refused with a message saying what it is and what to send instead.
 */
record FileKind(Type type, String description, String advice) {

    enum Type {
        /** Text, or anything not recognised: read as CSV when named .csv. */
        TEXT,
        XLSX,
        /** A workbook encrypted with a password to open (an OLE2 container holding EncryptedPackage). */
        ENCRYPTED,
        /** Excel 97-2003 .xls, or older. */
        XLS,
        OTHER
    }

    private static final String SEND = "send the return as CSV (.csv) or Excel (.xlsx)";

    static FileKind of(Path file) throws IOException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        return switch (magic) {
            case OOXML -> zip(file.toFile());
            case OLE2 -> ole2(file.toFile());
            case BIFF2, BIFF3, BIFF4 -> new FileKind(Type.XLS, "an Excel workbook of an old format (.xls)",
                    "save it as Excel Workbook (.xlsx)");
            case PDF -> other("a PDF document");
            case HTML -> new FileKind(Type.OTHER, "a web page (HTML)", "save it as CSV or Excel Workbook (.xlsx)");
            case RTF -> other("a Rich Text document");
            case XML -> other("an XML file");
            case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> other("an image (" + magic + ")");
            case MSWRITE, WORD2 -> other("an old Word document");
            default -> new FileKind(Type.TEXT, "text", "rename it .csv if it is CSV");
        };
    }

    /** The message for a file of this kind named with an extension that says otherwise. */
    String misnamed(String extension) {
        return switch (type) {
            case ENCRYPTED, XLS -> description + ": " + advice;
            default -> (extension.isEmpty() ? "has no extension" : "named " + extension) + " but is " + description + ": " + advice;
        };
    }

    private static FileKind other(String description) {
        return new FileKind(Type.OTHER, description, SEND);
    }

    /** A zip: an XLSX workbook if it has the parts of one; a Word document, an OpenDocument file or another archive otherwise. */
    private static FileKind zip(File file) {
        boolean xl = false;
        boolean word = false;
        boolean openDocument = false;
        try (ZipFile zip = ZipFile.builder().setFile(file).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                xl |= name.startsWith("xl/");
                word |= name.startsWith("word/");
                openDocument |= name.equals("mimetype");
            }
        } catch (IOException e) {
            // A damaged or truncated zip: most likely a workbook; reading it says what is wrong.
            return new FileKind(Type.XLSX, "an XLSX workbook", "rename it .xlsx");
        }
        if (xl) {
            return new FileKind(Type.XLSX, "an XLSX workbook", "rename it .xlsx");
        }
        if (word) {
            return other("a Word document");
        }
        if (openDocument) {
            return new FileKind(Type.OTHER, "an OpenDocument file (.ods or .odt)", "save it as Excel Workbook (.xlsx)");
        }
        return other("a zip archive");
    }

    /** An OLE2 container: an encrypted workbook (of any Office version), an old .xls or .doc. */
    private static FileKind ole2(File file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return new FileKind(Type.ENCRYPTED, "the workbook is encrypted with a password", "save a copy without one");
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return new FileKind(Type.XLS, "an Excel 97-2003 workbook (.xls)", "save it as Excel Workbook (.xlsx)");
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return other("a Word 97-2003 document");
            }
        } catch (IOException | RuntimeException e) {
            // not readable as OLE2 after all: an old Office file of some kind
        }
        return other("an old-format Office file");
    }
}
