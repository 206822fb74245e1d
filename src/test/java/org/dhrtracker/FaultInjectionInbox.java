package org.dhrtracker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhrtracker.tabular.FileDigest;

/**
 * The inbox the fault-injection test ingests, and what becomes of each file in it: the demo returns
 * and sign-off files, generated returns (CSV, a few XLSX), returns rejected for a bad date, an unknown
 * action (refused rows), another agency's action (refused rows) or a bad status, files whose content
 * another file has under a different name, and sign-off files accepted, rejected and sent twice.
 */
final class FaultInjectionInbox {

    /** What the ingest does with a file. */
    enum Outcome { ACCEPTED, REJECTED, DUPLICATE }

    /** A file of the inbox, in the order the ingest reads them. */
    record Entry(String name, boolean signOff, Outcome outcome) {
    }

    static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";
    static final String SIGN_OFF_HEADER = "Review,Action ref,Decision,Reason,Decided by,Decided on\n";

    /** Generated returns, one every 3 days from 2 January 2012: before every demo return. */
    private static final int GENERATED = 100;
    private static final LocalDate FIRST_DAY = LocalDate.of(2012, 1, 2);
    /** Each agency's own actions, updated by turns. */
    private static final String[][] AGENCIES = {
        {"POLICE", "12", "13a", "14"}, {"GEH", "20", "21", "25-GEH"}, {"MARAC", "2a", "8", "9a"}, {"CCG", "30", "31", "32"},
        {"PROBATION", "19", "25-PROBATION", "26-PROBATION"}};
    private static final String[] BAD = {"bad-date", "unknown-action", "not-own-action", "bad-status"};

    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Set<String> signOffs = new HashSet<>();

    private FaultInjectionInbox() {
    }

    /** Writes the inbox into dir (empty or new). */
    static FaultInjectionInbox write(Path dir) throws IOException {
        Files.createDirectories(dir);
        FaultInjectionInbox inbox = new FaultInjectionInbox();
        Set<String> rejected = new HashSet<>();
        try (Stream<Path> demo = Files.list(JobTestSupport.DEMO_RETURNS)) {
            for (Path f : demo.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        for (int i = 0; i < GENERATED; i++) {
            LocalDate day = FIRST_DAY.plusDays(3L * i);
            String[] agency = AGENCIES[i % AGENCIES.length];
            String name = day + "_" + agency[0] + "-" + String.format("%03d", i);
            // The last return of each agency claims completion of its first action, for the sign-off files to decide.
            boolean claim = i >= GENERATED - AGENCIES.length;
            List<String> rows = List.of(
                    row(agency[1], agency[0], day, claim ? "Completed" : "In progress", "Update " + i + ": work under way",
                            claim ? "Audit report" : "", claim ? day.toString() : ""),
                    row(agency[2], agency[0], day, "Not started", "", "", ""),
                    row(agency[3], agency[0], day, "In progress", "Training planned", "", ""));
            if (i % 20 == 5) {
                writeXlsx(dir.resolve(name + ".xlsx"), rows);
            } else {
                Files.writeString(dir.resolve(name + ".csv"), HEADER + String.join("", rows));
            }
            if (i % 12 == 7) {
                // A rejected return between the good ones: each of the reasons by turns.
                String why = BAD[(i / 12) % BAD.length];
                String bad = day + "_" + agency[0] + "-" + String.format("%03d", i) + "-" + why + ".csv";
                Files.writeString(dir.resolve(bad), HEADER + badRows(why, agency, day));
                rejected.add(bad);
            }
            if (i % 30 == 10) {
                // The same content sent again under another name: applied once.
                Files.writeString(dir.resolve(name + "-resent.csv"), Files.readString(dir.resolve(name + ".csv")));
            }
        }
        Files.copy(JobTestSupport.DEMO_RETURNS.resolve("2015-03-31_GEH.csv"), dir.resolve("2015-04-02_GEH-resent.csv"));
        // Sign-off files: two deciding the generated claims, one rejected (a rejection needs a reason), one sent twice.
        LocalDate decided = FIRST_DAY.plusDays(3L * GENERATED + 10);
        StringBuilder accept = new StringBuilder(SIGN_OFF_HEADER);
        StringBuilder more = new StringBuilder(SIGN_OFF_HEADER);
        for (int a = 0; a < AGENCIES.length; a++) {
            String ref = AGENCIES[(GENERATED - AGENCIES.length + a) % AGENCIES.length][1];
            (a < 3 ? accept : more).append("DHR1,").append(ref).append(a == 1 ? ",Reject,Evidence does not show it," : ",Accept,,")
                    .append("DHR Coordinator,").append(decided).append('\n');
        }
        Files.writeString(dir.resolve(decided + "_signoff.csv"), accept);
        Files.writeString(dir.resolve(decided.plusDays(1) + "_signoff.csv"), more);
        String badSignOff = decided.plusDays(2) + "_signoff-no-reason.csv";
        Files.writeString(dir.resolve(badSignOff), SIGN_OFF_HEADER + "DHR1,12,Reject,,DHR Coordinator," + decided.plusDays(2) + "\n");
        rejected.add(badSignOff);
        Files.copy(JobTestSupport.DEMO_RETURNS.resolve("2014-07-15_signoff.csv"), dir.resolve("2014-07-16_signoff-resent.csv"));

        // The demo's sign-off files and these are all named so.
        names(dir).stream().filter(n -> n.contains("_signoff")).forEach(inbox.signOffs::add);
        Set<String> contents = new HashSet<>();
        for (Entry e : inbox.inReadingOrder(names(dir))) {
            String sha = FileDigest.sha256(dir.resolve(e.name()));
            inbox.outcomes.put(e.name(), rejected.contains(e.name()) ? Outcome.REJECTED
                    : contents.add(sha) ? Outcome.ACCEPTED : Outcome.DUPLICATE);
        }
        return inbox;
    }

    private static String row(String ref, String agency, LocalDate day, String status, String progress, String evidence,
            String completed) {
        return String.join(",", "DHR1", ref, agency, day.toString(), status, progress, evidence, "", completed, "DA lead") + "\n";
    }

    private static String badRows(String why, String[] agency, LocalDate day) {
        String good = row(agency[1], agency[0], day, "In progress", "Progress", "", "");
        return switch (why) {
            case "bad-date" -> good + row(agency[2], agency[0], day, "In progress", "", "", "").replace(day.toString(), "31/13/2012");
            case "unknown-action" -> good + row("99z", agency[0], day, "In progress", "", "", "");
            // Another agency's action: the refused row is recorded for the findings.
            case "not-own-action" -> good + row(agency[0].equals("POLICE") ? "20" : "12", agency[0], day, "Completed", "", "", "");
            default -> good + row(agency[2], agency[0], day, "Nearly there", "", "", "");
        };
    }

    private static void writeXlsx(Path file, List<String> csvRows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("Return");
            List<String> lines = new ArrayList<>();
            lines.add(HEADER.strip());
            csvRows.forEach(r -> lines.add(r.strip()));
            for (int r = 0; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",", -1);
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** The files named, in the order the ingest reads them: returns, then sign-off files, each by name. */
    List<Entry> inReadingOrder(Collection<String> names) {
        return names.stream().map(n -> new Entry(n, signOffs.contains(n), outcomes.get(n)))
                .sorted(Comparator.comparing(Entry::signOff).thenComparing(Entry::name)).toList();
    }

    /** How many files of each outcome. */
    Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counts = new HashMap<>();
        outcomes.values().forEach(o -> counts.merge(o, 1L, Long::sum));
        return counts;
    }
}
