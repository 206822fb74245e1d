package org.dhrtracker.register.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

/**
 * Writes the layout-B fixtures layout-b.docx and layout-b.xlsx (src/test/resources/plans) from one
 * content, so the two differ only in how an office program stores them. The review is fictional.
 * How to run it, and how the LibreOffice re-saves are made: the README next to the fixtures.
 */
public final class LayoutBFixtures {

    /** A paragraph outside tables, or a table (rows of five cells; "\n" separates a cell's paragraphs). */
    sealed interface Block permits Heading, Table {
    }

    record Heading(String text) implements Block {
    }

    record Table(List<List<String>> rows) implements Block {
    }

    static final List<String> HEADER = List.of("Recommendation", "Action Required by Agency", "Implementation Lead",
            "Target date for Completion", "Summary of Action Taken & Date");

    static final List<Block> CONTENT = List.of(
            new Heading("North Worcestershire Community Safety Partnership"),
            new Heading("Domestic Homicide Review WF2013 (Wyre Forest) – Action Plan"),
            new Heading("Overview Report Recommendations"),
            new Table(List.of(HEADER,
                    List.of("Recommendation No 1\nNorth Worcestershire Community Safety Partnership to ensure that frontline staff "
                            + "in all partner agencies are trained to recognise coercive and controlling behaviour.",
                            "Commission a multi-agency training programme on coercive control and deliver it to frontline staff "
                            + "of all partner agencies.",
                            "CSP Domestic Abuse Coordinator",
                            "Autumn 2013",
                            "August 2013. Training delivered to 64 frontline staff from police, health and housing.\n"
                            + "Update Feb 2014: further sessions delivered to GP practices and children's centres; training is "
                            + "now part of the rolling programme. COMPLETED"),
                    List.of("Recommendation No 2\nThe Partnership to seek assurance that agencies share information with MARAC "
                            + "within the agreed timescales.",
                            "MARAC Steering Group to audit information sharing in 10 cases each quarter and report to the Partnership.",
                            "Chair, MARAC Steering Group",
                            "With immediate effect",
                            "Audit of the first quarter under way.\n"
                            + "Awaiting response from Worcestershire Health and Care NHS Trust on two cases."),
                    List.of("Recommendation No 3\nThe Partnership to review its domestic abuse referral pathways so that:\n"
                            + "a) victims attending GP surgeries are offered a referral to specialist support;\n"
                            + "b) referrals declined by victims are followed up within 28 days;\n"
                            + "c) pathway leaflets are available in community languages.",
                            "a) Pathway for GP practices agreed with the Clinical Commissioning Group\n"
                            + "b) Follow-up procedure written into the IDVA service specification\n"
                            + "c) Leaflets translated into Polish, Urdu and Bengali",
                            "Domestic Abuse Coordinator / CCG Safeguarding Lead",
                            "a) October 2013 b) December 2013 c) March 2014",
                            "a) Completed October 2013\nb) Completed January 2014\nc) Leaflets with the translators"),
                    // Word repeats the header row after a page break; copy-paste keeps it as a row.
                    HEADER,
                    List.of("Recommendation No 4\nThe Partnership to raise awareness of the Domestic Violence Disclosure Scheme "
                            + "(Clare's Law) among the public and professionals in Wyre Forest.",
                            "Publicity campaign through local press, social media and partner websites; briefings for",
                            "West Mercia Police Communications / CSP",
                            "March 2014",
                            "Campaign launched December 2013. Briefings"),
                    // The same row split by a page break: no Recommendation, the rest of each cell's text.
                    List.of("",
                            "frontline professionals in all partner agencies.",
                            "",
                            "",
                            "delivered to 120 professionals by March 2014. COMPLETED"))),
            new Heading("Individual Management Report Recommendations"),
            new Heading("Agency: West Mercia Police"),
            new Table(List.of(HEADER,
                    List.of("Recommendation No 1\nOfficers attending domestic abuse incidents to complete a DASH risk assessment "
                            + "with the victim at the scene.",
                            "Reminder issued to all officers; compliance monitored through a monthly audit of domestic abuse incidents.",
                            "Detective Chief Inspector, Protecting Vulnerable People",
                            "Implemented and ongoing",
                            "Reminder issued June 2013.\nUpdate January 2014: monthly audits show 94% compliance. COMPLETED"),
                    List.of("Recommendation No 2\nSupervisors to review every case where a victim withdraws support for a prosecution.",
                            "Force policy amended to require supervisory review and referral to an IDVA on withdrawal.",
                            "Head of Public Protection",
                            "TBC",
                            "Draft policy with the Force Policy Unit."))),
            new Heading("Agency: Worcestershire Health and Care NHS Trust"),
            new Table(List.of(HEADER,
                    List.of("Recommendation No 1\nHealth visitors and school nurses to ask about domestic abuse at every contact "
                            + "where it is safe to do so.",
                            "Routine enquiry included in the health visiting core contacts; record-keeping template updated.",
                            "Named Nurse Safeguarding Children",
                            "By the 30.6.15",
                            "Template updated January 2015; audit planned for July 2015."),
                    List.of("Recommendation No 2\nThe Trust to ensure that mental health practitioners refer to MARAC where high "
                            + "risk is identified.",
                            "Safeguarding supervision to cover MARAC referral; training for community mental health teams.",
                            "Head of Safeguarding",
                            "March 2014",
                            "Training delivered to 3 of 5 community mental health teams (February 2014)."))),
            new Heading("Agency: Worcestershire County Council Children's Services"),
            new Table(List.of(HEADER,
                    List.of("Recommendation No 1\nSocial workers to assess the risk posed by a new partner when a parent discloses "
                            + "a new relationship.",
                            "Practice guidance on new partners issued and included in child protection training.",
                            "Service Manager, Safeguarding",
                            "December 2013",
                            "Guidance issued November 2013. COMPLETED"),
                    List.of("Recommendation No 2\nChildren's Services to refer mothers to Women's Aid outreach when domestic abuse "
                            + "is disclosed.",
                            "Referral protocol agreed with Women's Aid.",
                            "Head of Early Help / Women's Aid Service Manager",
                            "January 2014",
                            "Protocol agreed with Women's Aid December 2013; 18 referrals made to date."))));

    private LayoutBFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/plans");
        writeDocx(dir.resolve("layout-b.docx"));
        writeXlsx(dir.resolve("layout-b.xlsx"));
    }

    static void writeDocx(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (Block block : CONTENT) {
                if (block instanceof Heading h) {
                    XWPFRun run = doc.createParagraph().createRun();
                    run.setBold(true);
                    run.setText(h.text());
                    doc.createParagraph(); // the empty paragraph authors leave before a table
                } else if (block instanceof Table t) {
                    writeTable(doc, t);
                }
            }
            doc.write(out);
        }
    }

    private static void writeTable(XWPFDocument doc, Table t) {
        XWPFTable table = doc.createTable(t.rows().size(), HEADER.size());
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() < HEADER.size()) {
            grid.addNewGridCol().setW(BigInteger.valueOf(2800));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            row.setRepeatHeader(r == 0);
            for (int c = 0; c < HEADER.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                String[] lines = t.rows().get(r).get(c).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
                    XWPFRun run = p.createRun();
                    run.setBold(t.rows().get(r) == HEADER);
                    run.setText(lines[i]);
                }
            }
        }
    }

    static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Action plan");
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            CellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            int r = 0;
            for (Block block : CONTENT) {
                if (block instanceof Heading h) {
                    XSSFRow row = sheet.createRow(r);
                    row.createCell(0).setCellValue(h.text());
                    row.getCell(0).setCellStyle(bold);
                    // Headings span the table's width, as coordinators lay them out.
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADER.size() - 1));
                    r++;
                } else if (block instanceof Table t) {
                    for (List<String> cells : t.rows()) {
                        XSSFRow row = sheet.createRow(r++);
                        for (int c = 0; c < cells.size(); c++) {
                            row.createCell(c).setCellValue(cells.get(c));
                            row.getCell(c).setCellStyle(cells == HEADER ? bold : wrap);
                        }
                    }
                    r++; // a blank row between tables
                }
            }
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.setColumnWidth(c, 40 * 256);
            }
            wb.write(out);
        }
    }
}
