package org.dhrtracker.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX workbook read with SAX, part by part, so no sheet and no cell is ever held whole: cells
 * are cut at {@link TabularReader#MAX_CELL} characters as they are read. Of its sheets, the one
 * read is the visible sheet whose first non-blank row is the format's header (the first visible
 * sheet when none is); a hidden sheet holding such a header, or two visible ones, refuse the file.
 * Formulas give their saved result; date-formatted numbers give ISO dates in the workbook's date
 * system (1900 or 1904). Every XML part is parsed with DOCTYPE declarations refused, so no entity
 * is ever resolved.
 */
final class XlsxWorkbook implements AutoCloseable {

    /** No part may unzip to more than this: a return's sheet is a few megabytes at most. */
    static final long MAX_PART_BYTES = 100L * 1024 * 1024;
    /**
     * Nor expand more than 500 times (POI's default is 100): sheets of empty formatted cells reach
     * a few hundred times, a zip bomb over a thousand.
     */
    static final double MIN_INFLATE_RATIO = 0.002;
    static final long MAX_PARTS = 1000;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    static final String DAMAGED = "the workbook is damaged or truncated: open it in Excel and save it again";
    static final String DOCTYPE = "the workbook contains a DOCTYPE declaration, which is refused";
    static final String TOO_FAR = String.format(Locale.ROOT,
            "the workbook expands too far when unzipped (a part may be at most %d MB and %d times its packed size): it is not read",
            MAX_PART_BYTES / 1024 / 1024, Math.round(1 / MIN_INFLATE_RATIO));
    private static final String NO_RESULT = "formula with no saved result: open the file in Excel and save it";
    /** Text is cut here before its _xHHHH_ escapes are decoded (7 characters for one). */
    private static final int RAW_LIMIT = 8 * TabularReader.MAX_CELL;

    private record Sheet(String name, String relId, boolean hidden) {
        String quoted() {
            return "'" + SafeText.name(name) + "'";
        }
    }

    private final ZipSecureFile zip;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final List<Sheet> sheets = new ArrayList<>();
    private final DataFormatter formatter = new IsoDateFormatter();
    private boolean date1904;
    private StylesTable styles;
    private final List<String> strings = new ArrayList<>();
    private final Map<Integer, Long> longStrings = new HashMap<>();

    private XlsxWorkbook(ZipSecureFile zip, OPCPackage pkg) throws Exception {
        this.zip = zip;
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
    }

    static XlsxWorkbook open(Path file) throws UnreadableFileException {
        ZipSecureFile zip;
        try {
            zip = new ZipSecureFile(file.toFile());
        } catch (IOException e) {
            throw unreadable(e);
        }
        OPCPackage pkg = null;
        try {
            refuseDoctypes(zip);
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
            XlsxWorkbook workbook = new XlsxWorkbook(zip, pkg);
            workbook.load();
            return workbook;
        } catch (Exception e) {
            if (pkg != null) {
                pkg.revert();
            }
            closeQuietly(zip);
            throw unreadable(e);
        }
    }

    /**
     * Reads the sheet that holds the format's rows (with no format: the first visible sheet).
     *
     * @return what was read, for the log: "XLSX, sheet 'Return'"
     */
    String read(Format format, RowHandler handler) throws UnreadableFileException {
        Sheet sheet = choose(format);
        // Merged cells matter to a format's rows; a plan as kept merges its title and grouping rows.
        parse(sheet, handler, false, format != null);
        return "XLSX, sheet " + sheet.quoted() + (date1904 ? ", 1904 date system" : "");
    }

    /**
     * A first look, to tell which format the workbook holds: the header of the first sheet, hidden or
     * not, that has the format's, else the first row of the first visible sheet (or an empty list).
     */
    List<String> header(Format format) throws UnreadableFileException {
        for (Sheet s : sheets) {
            List<String> first = firstRow(s);
            if (format.isHeader(first)) {
                return first;
            }
        }
        Sheet visible = sheets.stream().filter(s -> !s.hidden()).findFirst().orElse(null);
        return visible == null ? List.of() : firstRow(visible);
    }

    private Sheet choose(Format format) throws UnreadableFileException {
        List<Sheet> visible = sheets.stream().filter(s -> !s.hidden()).toList();
        if (visible.isEmpty()) {
            throw new UnreadableFileException(sheets.isEmpty() ? "the workbook has no sheet" : "the workbook has no visible sheet", null);
        }
        if (format == null) {
            return visible.get(0);
        }
        for (Sheet s : sheets) {
            if (s.hidden() && format.isHeader(firstRow(s))) {
                throw new UnreadableFileException("hidden sheet " + s.quoted() + " holds " + format.rows() + ": unhide or delete it", null);
            }
        }
        List<Sheet> holding = new ArrayList<>();
        for (Sheet s : visible) {
            if (format.isHeader(firstRow(s))) {
                holding.add(s);
            }
        }
        if (holding.size() > 1) {
            String names = holding.subList(0, holding.size() - 1).stream().map(Sheet::quoted).collect(Collectors.joining(", "))
                    + " and " + holding.get(holding.size() - 1).quoted();
            throw new UnreadableFileException("sheets " + names + (holding.size() == 2 ? " both hold " : " all hold ")
                    + format.rows() + ": keep one of them", null);
        }
        return holding.isEmpty() ? visible.get(0) : holding.get(0);
    }

    private List<String> firstRow(Sheet sheet) throws UnreadableFileException {
        TabularReader.FirstRow first = new TabularReader.FirstRow();
        parse(sheet, first, true, false);
        return first.cells;
    }

    private void load() throws Exception {
        WorkbookPart workbook = new WorkbookPart();
        try (InputStream in = reader.getWorkbookData()) {
            parser(workbook).parse(new InputSource(in));
        }
        styles = reader.getStylesTable();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = parts.get(0).getInputStream()) {
                parser(new SharedStringsPart()).parse(new InputSource(in));
            }
        }
    }

    private void parse(Sheet sheet, RowHandler handler, boolean firstOnly, boolean refuseMerged) throws UnreadableFileException {
        try (InputStream in = reader.getSheet(sheet.relId())) {
            parser(new SheetPart(handler, firstOnly, refuseMerged)).parse(new InputSource(in));
        } catch (FirstRowRead e) {
            // probing: done
        } catch (TooWide e) {
            throw TabularReader.tooWide(e.row);
        } catch (TabularReader.StopReading e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(e);
        }
    }

    private static XMLReader parser(DefaultHandler handler) throws Exception {
        // POI's secure parser: DOCTYPE declarations are refused, external entities never fetched.
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        return parser;
    }

    /**
     * Refuses a workbook any of whose XML parts has a DOCTYPE, before any is parsed: POI's parsers
     * refuse one too, but not all of them say so (a broken relationship part reads as a damaged file).
     */
    private static void refuseDoctypes(ZipSecureFile zip) throws IOException, UnreadableFileException {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml") || name.endsWith(".rels")) {
                try (InputStream in = zip.getInputStream(entry)) {
                    if (hasDoctype(in)) {
                        throw new UnreadableFileException(DOCTYPE, null);
                    }
                }
            }
        }
    }

    /** Whether the XML's prolog (what comes before its first element) declares a DOCTYPE. */
    static boolean hasDoctype(InputStream xml) throws IOException {
        BufferedInputStream in = new BufferedInputStream(xml);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        // UTF-16 by its byte order mark or by "<" with a NUL beside it; else UTF-8 (or a single-byte superset).
        Charset charset = head.length >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF
                || head[0] == 0 && head[1] == '<') ? StandardCharsets.UTF_16BE
                : head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == '<' && head[1] == 0)
                ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        Reader r = new InputStreamReader(in, charset);
        String prolog = readProlog(r);
        return prolog.contains("<!DOCTYPE");
    }

    /** Characters up to the first element's "<" (skipping declarations, comments and processing instructions), at most 1 MB. */
    private static String readProlog(Reader r) throws IOException {
        StringBuilder prolog = new StringBuilder();
        int c;
        while (prolog.length() < 1 << 20 && (c = r.read()) >= 0) {
            prolog.append((char) c);
            int n = prolog.length();
            if (n >= 2 && prolog.charAt(n - 2) == '<' && c != '?' && c != '!') {
                // An element starts here, unless inside a comment or processing instruction.
                String before = prolog.substring(0, n - 2);
                if (before.lastIndexOf("<!--") <= before.lastIndexOf("-->") && before.lastIndexOf("<?") <= before.lastIndexOf("?>")) {
                    break;
                }
            }
        }
        return prolog.toString();
    }

    /** What to tell the user of a workbook that could not be read, from what went wrong. */
    static UnreadableFileException unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("DOCTYPE")) {
                return new UnreadableFileException(DOCTYPE, e);
            }
            if (message.startsWith("Zip bomb detected")) {
                return new UnreadableFileException(TOO_FAR, e);
            }
            if (message.contains("more internal file entries")) {
                return new UnreadableFileException("the workbook has more than " + MAX_PARTS + " parts: it is not read", e);
            }
        }
        return new UnreadableFileException(DAMAGED, e);
    }

    @Override
    public void close() {
        pkg.revert();
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipSecureFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read only: nothing to lose
        }
    }

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** OOXML writes characters XML cannot hold (controls) as _xHHHH_. */
    private static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Text of an element, kept up to a limit however long it is; its true length counted. */
    private static final class CappedText {
        private final StringBuilder text = new StringBuilder();
        private long length;

        void append(char[] ch, int start, int n) {
            if (length < RAW_LIMIT) {
                text.append(ch, start, (int) Math.min(n, RAW_LIMIT - length));
            }
            length += n;
        }

        void clear() {
            text.setLength(0);
            length = 0;
        }

        /** The text decoded and cut at a cell's limit; {@link #trueLength} tells how long it was. */
        String cell() {
            String decoded = unescape(text.toString());
            if (length <= RAW_LIMIT) {
                length = decoded.length();
            }
            return decoded.length() > TabularReader.MAX_CELL ? decoded.substring(0, TabularReader.MAX_CELL) : decoded;
        }

        long trueLength() {
            return length;
        }
    }

    /** workbook.xml: the sheets in order, with their state, and the date system. */
    private final class WorkbookPart extends DefaultHandler {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("sheet")) {
                String state = attributes.getValue("state");
                String relId = attributes.getValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
                sheets.add(new Sheet(String.valueOf(attributes.getValue("name")), relId,
                        "hidden".equals(state) || "veryHidden".equals(state)));
            } else if (localName.equals("workbookPr")) {
                String d = attributes.getValue("date1904");
                date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
            }
        }
    }

    /** sharedStrings.xml: each string, its runs joined, phonetic guides left out, cut at a cell's limit. */
    private final class SharedStringsPart extends DefaultHandler {
        private final CappedText text = new CappedText();
        private boolean inText;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> text.clear();
                case "t" -> inText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> {
                    strings.add(text.cell());
                    if (text.trueLength() > TabularReader.MAX_CELL) {
                        longStrings.put(strings.size() - 1, text.trueLength());
                    }
                }
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /** A cell beyond the last column Excel has: the row could be of any length. */
    private static final class TooWide extends RuntimeException {
        private final int row;

        TooWide(int row) {
            super(null, null, false, false);
            this.row = row;
        }
    }

    /** Stops the parse of a sheet once its first non-blank row is known. */
    private static final class FirstRowRead extends SAXException {
        FirstRowRead() {
            super("first row read");
        }
    }

    /** A worksheet: rows of cells as Excel shows them, then its merged ranges. */
    private final class SheetPart extends DefaultHandler {
        private final RowHandler handler;
        private final boolean firstOnly;
        private final boolean refuseMerged;
        private final CappedText text = new CappedText();
        private final List<String> cells = new ArrayList<>();
        private final List<String> merged = new ArrayList<>();
        private int row;
        private int column;
        private int firstRow;
        private String type;
        private String style;
        private boolean formula;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        private boolean inText;
        private boolean inPhonetic;

        SheetPart(RowHandler handler, boolean firstOnly, boolean refuseMerged) {
            this.handler = handler;
            this.firstOnly = firstOnly;
            this.refuseMerged = refuseMerged;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r != null ? Integer.parseInt(r) : row + 1;
                    cells.clear();
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref != null ? new CellReference(ref).getCol() : column + 1;
                    if (column >= TabularReader.MAX_COLUMNS || column < 0) {
                        throw new TooWide(row);
                    }
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    formula = hasValue = false;
                    text.clear();
                }
                case "f" -> formula = true;
                case "v" -> inValue = hasValue = true;
                case "is" -> inInline = hasValue = true;
                case "t" -> inText = inInline && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                case "mergeCell" -> {
                    if (refuseMerged) {
                        merged.add(attributes.getValue("ref"));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "is" -> inInline = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    String value = value();
                    if (column < cells.size()) {
                        cells.set(column, value);
                    } else {
                        cells.add(value);
                    }
                }
                case "row" -> {
                    if (!TabularReader.isBlank(cells)) {
                        if (firstRow == 0) {
                            firstRow = row;
                        }
                        handler.row(row, List.copyOf(cells));
                        if (firstOnly) {
                            throw new FirstRowRead();
                        }
                    }
                }
                default -> {
                }
            }
        }

        /** Merged cells in the rows read (from the header on) are refused: the rows below the first would read blank. */
        @Override
        public void endDocument() {
            for (String ref : merged) {
                CellRangeAddress range = CellRangeAddress.valueOf(ref);
                if (firstRow > 0 && range.getLastRow() + 1 >= firstRow) {
                    handler.cellProblem(range.getFirstRow() + 1, range.getFirstColumn(),
                            "merged cells " + SafeText.escape(ref) + ": give every row its own value");
                }
            }
        }

        private String value() {
            String t = type == null ? "n" : type;
            if (t.equals("e")) {
                problem("the cell shows the error " + SafeText.quote(text.cell()) + ": correct it in Excel and save the file");
                return "";
            }
            if (!hasValue) {
                if (formula) {
                    problem(NO_RESULT);
                }
                return "";
            }
            String raw = text.cell();
            return switch (t) {
                case "s" -> shared(raw);
                case "inlineStr", "str" -> checked(raw, text.trueLength());
                case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
                case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
                default -> number(raw);
            };
        }

        private String shared(String index) {
            try {
                int i = Integer.parseInt(index.strip());
                String s = strings.get(i);
                return checked(s, longStrings.getOrDefault(i, (long) s.length()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                problem("the cell refers to a shared string the workbook does not have");
                return "";
            }
        }

        private String checked(String value, long length) {
            if (length > TabularReader.MAX_CELL) {
                problem(TabularReader.tooLong(length));
            }
            return value;
        }

        private String number(String raw) {
            double d;
            try {
                d = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                return raw;
            }
            int formatIndex = 0;
            String formatString = null;
            if (styles != null && style != null) {
                try {
                    XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
                    if (s != null) {
                        formatIndex = s.getDataFormat();
                        formatString = s.getDataFormatString();
                    }
                } catch (RuntimeException e) {
                    // a style the workbook does not have: General
                }
            }
            if (formatString == null) {
                formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
            }
            return formatter.formatRawCellContents(d, formatIndex, formatString == null ? "General" : formatString, date1904);
        }

        private void problem(String reason) {
            handler.cellProblem(row, column, reason);
        }
    }

    /** Date-formatted numbers become ISO dates, whatever display format the sheet uses; others show as in Excel. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
