package org.dhrtracker.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dhrtracker.hostile.HostileCorpusFiles.MARK;
import static org.dhrtracker.hostile.HostileCorpusFiles.XML;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.Format;
import org.dhrtracker.tabular.RowHandler;
import org.dhrtracker.tabular.TabularReader;
import org.dhrtracker.tabular.UnreadableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * What the corpus cannot show by outcomes alone: that no external entity of a workbook is ever
 * fetched or read (a web server counts the requests; a file's content never appears), and that a
 * 50 MB cell, in a workbook or in CSV, is read in a heap far smaller than the cell.
 */
class HostileReadingTest {

    private static final Format RETURN = new Format("updates", List.of(Column.required("Review"), Column.required("Action ref"),
            Column.required("Agency"), Column.required("As at"), Column.required("Status"), Column.optional("Progress")));
    private static final String DOCTYPE = "the workbook contains a DOCTYPE declaration, which is refused";

    @TempDir
    Path dir;

    @Test
    void noExternalEntityOfAWorkbookIsFetchedOrRead() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak 'LEAKED-FROM-THE-WEB'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String web = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
            String secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-FROM-A-FILE").toUri().toString();
            String row = "<row r=\"2\">" + HostileCorpusFiles.inline("A2", "DHR1") + HostileCorpusFiles.inline("B2", "16")
                    + HostileCorpusFiles.inline("C2", "POLICE") + HostileCorpusFiles.inline("D2", "2016-03-31")
                    + HostileCorpusFiles.inline("E2", "In progress") + "<c r=\"F2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>";
            String body = HostileCorpusFiles.sheetBody(HostileCorpusFiles.headerRow() + row);
            List<Path> workbooks = List.of(
                    workbook("sheet-web", Map.of("xl/worksheets/sheet1.xml", HostileCorpusFiles.doctype("worksheet", web) + body)),
                    workbook("sheet-file", Map.of("xl/worksheets/sheet1.xml", HostileCorpusFiles.doctype("worksheet", secret) + body)),
                    workbook("sheet-parameter", Map.of("xl/worksheets/sheet1.xml", XML + "<!DOCTYPE worksheet [<!ENTITY % p SYSTEM \""
                            + web + "\"> %p;]>\n" + body.replace("&xxe;", "&leak;"))),
                    workbook("workbook", Map.of("xl/workbook.xml", HostileCorpusFiles.doctype("workbook", web)
                            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                            + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"&xxe;\" "
                            + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
                    workbook("content-types", Map.of("[Content_Types].xml",
                            HostileCorpusFiles.contentTypes(false).replace(XML, HostileCorpusFiles.doctype("Types", web)))),
                    workbook("relationships", Map.of("_rels/.rels", HostileCorpusFiles.doctype("Relationships", web)
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                            + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                            + "Target=\"xl/workbook.xml\"/></Relationships>")));
            for (Path workbook : workbooks) {
                List<String> cells = new ArrayList<>();
                assertThatThrownBy(() -> TabularReader.read(workbook, RETURN, (r, c) -> cells.addAll(c)))
                        .as(workbook.getFileName().toString()).isInstanceOf(UnreadableFileException.class).hasMessage(DOCTYPE);
                assertThatThrownBy(() -> TabularReader.header(workbook, RETURN)).isInstanceOf(UnreadableFileException.class);
                assertThat(cells).noneMatch(c -> c.contains("LEAKED") || c.contains("SECRET"));
            }
            assertThat(requests).as("requests made to the entities' web address").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    /**
     * A child JVM with a 32 MB heap reads the corpus's workbook with a 50,000,000-character cell,
     * and a CSV file with one: each is handed on cut at 32,767 characters, with its length. Held
     * whole, one such cell would take 50 MB at least.
     */
    @Test
    void aFiftyMegabyteCellIsReadInA32MegabyteHeap() throws Exception {
        Path csv = dir.resolve("cell-50mb.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(HostileCorpusFiles.HEADER + "\nDHR1,16,POLICE,2016-03-31,In progress,\"" + MARK + " ");
            char[] block = "x".repeat(999).concat(" ").toCharArray();
            for (int written = MARK.length() + 1; written < 50_000_000; written += block.length) {
                out.write(block, 0, Math.min(block.length, 50_000_000 - written));
            }
            out.write("\",,,,,\n");
        }
        for (Path file : List.of(HostileCorpusFiles.DIR.resolve("returns/cell-50mb.xlsx"), csv)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-cp",
                    System.getProperty("java.class.path"), BigCell.class.getName(), file.toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as(file.getFileName().toString())
                    .contains("row 2, column 5: the cell holds 50,000,000 characters: a cell may hold at most 32,767")
                    .contains("row 2: a cell of 32767 characters handed on");
            assertThat(child.exitValue()).as(output).isZero();
        }
    }

    /** Reads a file as a return and prints what it was handed: the child JVM of the test above. */
    static final class BigCell {
        public static void main(String[] args) throws IOException, UnreadableFileException {
            TabularReader.read(Path.of(args[0]), RETURN, new RowHandler() {
                @Override
                public void row(int number, List<String> cells) {
                    if (number == 2) {
                        System.out.println("row 2: a cell of " + cells.get(5).length() + " characters handed on");
                    }
                }

                @Override
                public void cellProblem(int row, int column, String reason) {
                    System.out.println("row " + row + ", column " + column + ": " + reason);
                }
            });
        }
    }

    private Path workbook(String name, Map<String, String> replaced) throws IOException {
        String sheet = HostileCorpusFiles.sheet(HostileCorpusFiles.headerRow());
        Map<String, byte[]> parts = HostileCorpusFiles.parts(sheet.getBytes(StandardCharsets.UTF_8), null);
        replaced.forEach((part, xml) -> parts.put(part, xml.getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve(name + ".xlsx");
        HostileCorpusFiles.zip(file, parts, Deflater.DEFAULT_COMPRESSION);
        return file;
    }
}
