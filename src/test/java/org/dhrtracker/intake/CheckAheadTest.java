package org.dhrtracker.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake's check-ahead: the returns of the next chunk are read and checked on a thread of their own, and the
 * step gets, file by file and in order, what checking on its own thread would have given it, errors included.
 */
class CheckAheadTest {

    private static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";

    @TempDir
    Path inbox;

    /** The register: review R1 with actions 1..n for POLICE; records the threads that read it. */
    private final Set<String> readers = ConcurrentHashMap.newKeySet();

    private Map<String, Map<String, ActionKey>> register(int actions) {
        Map<String, ActionKey> keys = new HashMap<>();
        for (int i = 1; i <= actions; i++) {
            keys.put(String.valueOf(i), new ActionKey(100 + i, "POLICE"));
        }
        return new java.util.AbstractMap<>() {
            @Override
            public Map<String, ActionKey> get(Object review) {
                readers.add(Thread.currentThread().getName());
                return "R1".equals(review) ? keys : null;
            }

            @Override
            public Set<Entry<String, Map<String, ActionKey>>> entrySet() {
                return Set.of();
            }
        };
    }

    private Path write(String name, String rows) throws Exception {
        return Files.writeString(inbox.resolve(name), HEADER + rows);
    }

    private static IngestReturnsJobConfiguration.InboxFileChecker checker(Map<String, Map<String, ActionKey>> register) {
        return new IngestReturnsJobConfiguration.InboxFileChecker(new SignOffFile.Context(register, null, LocalDate.of(2025, 6, 30)),
                SignOffFile::isSignOff);
    }

    @Test
    void givesEachFileWhatCheckingItOnTheStepsThreadGives() throws Exception {
        List<Path> written = new ArrayList<>();
        for (int f = 0; f < 7; f++) {
            // every third file has a row naming an action the register has not: rejected
            String bad = f % 3 == 2 ? "R1,99,POLICE,2025-05-31,In progress,,,,,\n" : "";
            written.add(write("return-" + f + ".csv", "R1," + (f + 1) + ",POLICE,2025-05-31,Completed,Done,Policy " + f
                    + ",,2025-05-" + (10 + f) + ",Lead\n" + bad));
        }
        var register = register(10);
        InboxReader reader = new InboxReader(inbox, p -> true);
        List<InboxFile> ahead = new ArrayList<>();
        try (CheckAhead check = new CheckAhead(reader, checker(register), 3)) {
            for (Path p; (p = reader.read()) != null;) {
                ahead.add(check.process(p));
            }
        }
        var onItsOwn = checker(register);
        assertEquals(written.size(), ahead.size());
        for (int f = 0; f < written.size(); f++) {
            InboxFile expected = onItsOwn.check(written.get(f));
            InboxFile got = ahead.get(f);
            assertEquals(written.get(f), got.path(), "files in the reader's order");
            assertEquals(expected.sha256(), got.sha256());
            assertEquals(expected.isAccepted(), got.isAccepted(), got.fileName());
            assertEquals(expected.problems(), got.problems(), got.fileName());
            assertEquals(((ReturnFile) expected).rows(), ((ReturnFile) got).rows(), got.fileName());
        }
        assertEquals(List.of(true, true, false, true, true, false, true), ahead.stream().map(InboxFile::isAccepted).toList());
        assertTrue(readers.contains("intake-check-ahead"), "returns were checked on the second thread: " + readers);
    }

    @Test
    void aFileThatCannotBeReadFailsOnTheStepsThreadWhenItsTurnComes() throws Exception {
        Path first = write("a.csv", "R1,1,POLICE,2025-05-31,In progress,,,,,\n");
        Path gone = write("b.csv", "R1,2,POLICE,2025-05-31,In progress,,,,,\n");
        InboxReader reader = new InboxReader(inbox, p -> true);
        Files.delete(gone); // listed, then taken away before anything read it
        try (CheckAhead check = new CheckAhead(reader, checker(register(2)), 5)) {
            assertEquals(first, reader.read());
            assertTrue(check.process(first).isAccepted());
            assertEquals(gone, reader.read());
            NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> check.process(gone));
            assertTrue(e.getMessage().contains("b.csv"), e.getMessage());
            assertEquals(null, reader.read());
        }
    }

    @Test
    void signOffFilesAreNotCheckedAhead() throws Exception {
        write("a.csv", "R1,1,POLICE,2025-05-31,Completed,Done,Policy,,2025-05-10,Lead\n");
        Path signOff = Files.writeString(inbox.resolve("sign-off.csv"), "Review,Action ref,Decision,Reason,Decided by,Decided on\n"
                + "R1,1,Accepted,,Chair,2025-06-01\n");
        InboxReader reader = new InboxReader(inbox, p -> true);
        assertEquals(List.of(inbox.resolve("a.csv")), reader.returnsAhead(5), "the sign-off file is not among the returns ahead");
        assertEquals(inbox.resolve("a.csv"), reader.read());
        assertEquals(List.of(), reader.returnsAhead(5));
        assertEquals(signOff, reader.read(), "but is read, after the returns");
    }
}
