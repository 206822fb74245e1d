package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The command line as the README uses it, each command in an application context of its own. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {

    @TempDir
    Path home;

    @BeforeEach
    void emptySharedDatabase() {
        TestDatabase.emptyIfShared(home);
    }

    @Test
    void monthlyOnAnEmptyHomeLoadsTheDemoAndSaysWhereTheReportsAre(CapturedOutput output) throws Exception {
        int exit = DhrTrackerApplication.run(new String[] {"monthly", "--as-at", "2016-05-31", "--home", home.toString()});

        assertThat(exit).isZero();
        assertThat(output.getOut()).contains("loading the demo review").contains("Returns: ").contains(" 0 rejected");
        for (String label : new String[] {"Board report: ", "Workbook:     ", "Home Office:  ", "Return pack:  ", "Partnership:  "}) {
            Matcher m = Pattern.compile(Pattern.quote(label) + "(\\S+)").matcher(output.getOut());
            assertThat(m.find()).as(label).isTrue();
            Path file = Path.of(m.group(1));
            assertThat(file).startsWith(home.toRealPath()).isRegularFile();
            assertThat(Files.size(file)).isPositive();
        }
    }

    @Test
    void rejectedRegisterExitsTwoAndNamesFileRowAndColumn(CapturedOutput output) throws Exception {
        Path bad = home.resolve("bad-register.csv");
        Files.writeString(bad, "Review,Partnership,Review title\nDHR1,NABSCOP,Nuneaton\n");

        int exit = DhrTrackerApplication.run(new String[] {"import-register", bad.toString(), "--home", home.resolve("h").toString()});

        assertThat(exit).isEqualTo(2);
        assertThat(output.getOut()).contains("bad-register.csv was rejected; the register is unchanged")
                .contains("bad-register.csv, row 1, column Recommendation: required column is missing");
    }

    @Test
    void wrongCommandLineExits64WithUsage(CapturedOutput output) {
        assertThat(DhrTrackerApplication.run(new String[] {"monthly", "--as-of", "2016-05-31"})).isEqualTo(64);
        assertThat(output.getErr()).contains("unknown option --as-of").contains("Usage: java -jar target/dhr-tracker.jar");
    }

    @Test
    void futureAsAtIsRefused(CapturedOutput output) {
        int exit = DhrTrackerApplication.run(new String[] {"report", "--as-at", "2999-01-31", "--home", home.toString()});

        assertThat(exit).isEqualTo(64);
        assertThat(output.getOut() + output.getErr()).contains("2999-01-31");
    }

    @Test
    void signOffRecordsADecisionOnAClaimAndRefusesWhatCannotBeDecided(CapturedOutput output) throws Exception {
        String h = home.toString();
        assertThat(DhrTrackerApplication.run(new String[] {"import-register", "src/test/resources/registers/small-register.csv",
                "--home", h})).isZero();
        Files.writeString(home.resolve("inbox").resolve("2015-03-31_POLICE.csv"),
                "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n"
                        + "DHR1,16,POLICE,2015-03-31,Completed,Raised with CAADA,CAADA letter,,,DA Strategic Lead\n");
        assertThat(DhrTrackerApplication.run(new String[] {"ingest", "--home", h})).isZero();

        int refused = DhrTrackerApplication.run(new String[] {"sign-off", "--review", "DHR1", "--action", "16", "--reject",
                "--as-at", "2015-04-15", "--home", h});
        assertThat(refused).isEqualTo(2);
        assertThat(output.getOut()).contains("Sign-off refused; nothing recorded:").contains("--reason: a rejection needs a reason");

        int accepted = DhrTrackerApplication.run(new String[] {"sign-off", "--review", "DHR1", "--action", "16", "--accept",
                "--by", "DHR Coordinator", "--as-at", "2015-04-15", "--home", h});
        assertThat(accepted).isZero();
        assertThat(output.getOut()).contains("Recorded: DHR1 action 16, completion accepted on 2015-04-15.");

        int noClaim = DhrTrackerApplication.run(new String[] {"sign-off", "--review", "DHR1", "--action", "28-GEH", "--accept",
                "--home", h});
        assertThat(noClaim).isEqualTo(2);
        assertThat(output.getOut()).contains("--action: action 28-GEH has no completion claim to decide");
    }

    @Test
    void themesNationalAndExportOversightOnTheDemoRegister(CapturedOutput output) throws Exception {
        String h = home.toString();
        assertThat(DhrTrackerApplication.run(new String[] {"import-register", "data/register/DHR1-register.csv", "--home", h})).isZero();

        assertThat(DhrTrackerApplication.run(new String[] {"themes", "--home", h})).isZero();
        assertThat(output.getOut()).containsPattern("\\n  PP-MARAC +7  Use of MARACs\\n")
                .contains("Recommendations no theme tags (7): DHR1 6, DHR1 20, DHR1 22, DHR1 25, DHR1 28, DHR1 33, DHR1 35");

        assertThat(DhrTrackerApplication.run(new String[] {"themes", "--review", "DHR1", "--recommendation", "6", "--add", "PP-NOPE",
                "--home", h})).isEqualTo(2);
        assertThat(output.getOut()).contains("Themes not changed:\n  no theme PP-NOPE in the taxonomy");
        assertThat(DhrTrackerApplication.run(new String[] {"themes", "--review", "DHR1", "--recommendation", "6", "--add", "PP-POLICE",
                "--home", h})).isZero();
        assertThat(output.getOut()).contains("Recommendations no theme tags (6): DHR1 20,");

        assertThat(DhrTrackerApplication.run(new String[] {"national", "--review", "DHR1", "--recommendation", "6", "--recipient",
                "Crown Prosecution Service", "--sent", "01/03/2014", "--home", h})).isZero();
        assertThat(output.getOut()).contains("Recorded: DHR1 recommendation 6, letter to Crown Prosecution Service, sent 2014-03-01.");
        assertThat(DhrTrackerApplication.run(new String[] {"national", "--review", "DHR1", "--recommendation", "6", "--home", h}))
                .isEqualTo(64);

        assertThat(DhrTrackerApplication.run(new String[] {"export-oversight", "--as-at", "2016-05-31", "--home", h})).isZero();
        assertThat(output.getOut()).contains("Oversight:    " + home.resolve("out/oversight/oversight-2016-05-31.json"));
        assertThat(Files.readAllLines(home.resolve("out/oversight/oversight-2016-05-31.csv")))
                .hasSize(39).anyMatch(l -> l.startsWith("2016-05-31,DHR1,NABSCOP,6,OVERVIEW,Safer Warwickshire Partnership Board,"
                        + "Crown Prosecution Service,National,PP-POLICE,"));
    }

    @Test
    void signOffNeedsAnActionAndOneDecision(CapturedOutput output) {
        assertThat(DhrTrackerApplication.run(new String[] {"sign-off", "--review", "DHR1", "--action", "16"})).isEqualTo(64);
        assertThat(DhrTrackerApplication.run(new String[] {"sign-off", "--review", "DHR1", "--action", "16", "--accept",
                "--reject"})).isEqualTo(64);
        assertThat(output.getErr()).contains("sign-off needs --review ID --action REF and --accept or --reject")
                .contains("not both");
    }

    @Test
    void helpListsTheSignOffCommand(CapturedOutput output) {
        assertThat(DhrTrackerApplication.run(new String[] {"--help"})).isZero();
        assertThat(output.getOut()).contains("sign-off").contains("--accept").contains("--reject").contains("--reason");
    }

    @Test
    void historyListsTheRunsNewestFirst(CapturedOutput output) throws Exception {
        String h = home.toString();
        assertThat(DhrTrackerApplication.run(new String[] {"history", "--home", h})).isZero();
        assertThat(output.getOut()).contains("No job has run");
        assertThat(DhrTrackerApplication.run(new String[] {"import-register", "src/test/resources/registers/small-register.csv",
                "--home", h})).isZero();
        Files.writeString(home.resolve("inbox").resolve("bad.csv"), "Review,Action ref\nDHR1,16\n");
        assertThat(DhrTrackerApplication.run(new String[] {"ingest", "--home", h})).isEqualTo(2);

        assertThat(DhrTrackerApplication.run(new String[] {"history", "--home", h})).isZero();

        String table = output.getOut().substring(output.getOut().lastIndexOf("   Run  Job"));
        String[] lines = table.split("\\R");
        assertThat(lines[0]).contains("Started").contains("Ended").contains("Duration").contains("Status").contains("Exit status")
                .contains("Read").contains("Written").contains("Rejected");
        assertThat(lines[1]).contains("ingest-returns").contains("COMPLETED").contains("COMPLETED WITH REJECTIONS")
                .matches(".*\\s1\\s+1\\s+1$");
        assertThat(lines[2]).contains("import-register").contains("COMPLETED").matches(".* s .*");
    }

    @Test
    void serveRefusesASecondInstanceOnTheSameHome(CapturedOutput output) throws Exception {
        try (var held = org.dhrtracker.schedule.ServeLock.acquire(home)) {
            assertThat(DhrTrackerApplication.run(new String[] {"serve", "--home", home.toString()})).isEqualTo(1);
        }
        assertThat(output.getErr()).contains("serve is already running on " + home.toAbsolutePath().normalize())
                .contains("serve.lock");
        try (var again = org.dhrtracker.schedule.ServeLock.acquire(home)) {
            assertThat(again).as("released when its holder closes it").isNotNull();
        }
    }

    @Test
    void helpListsServeAndHistory(CapturedOutput output) {
        assertThat(DhrTrackerApplication.run(new String[] {"--help"})).isZero();
        assertThat(output.getOut()).contains("  serve ").contains("  history ").contains("dhr.serve.settle-seconds");
    }
}
