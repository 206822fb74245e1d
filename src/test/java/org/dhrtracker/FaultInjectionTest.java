package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dhrtracker.ChildJvm.open;
import static org.dhrtracker.ChildJvm.rows;
import static org.dhrtracker.ChildJvm.shutdown;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.dhrtracker.FaultInjectionInbox.Entry;
import org.dhrtracker.FaultInjectionInbox.Outcome;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.intake.InboxReader;
import org.dhrtracker.schedule.RunRecovery;
import org.dhrtracker.tabular.FileDigest;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * Fault injection: the intake, in a JVM of its own, is killed hard more than 20 times and restarted
 * after each kill, then a monthly run is killed twice more, and the last run is let finish. The kills
 * land at random: at named points of the intake where the process halts itself ({@link FaultPoints},
 * aimed at a file chosen at random: an accepted, rejected or duplicate return, a sign-off file), during
 * the recovery of the previous kill, and by SIGKILL after a random delay or a random number of files.
 * The HOME must then hold what one uninterrupted monthly run on the same inbox gives in another: every
 * table row for row, the same files in archive/ and rejected/ with the same .errors.txt, nothing left
 * in the inbox, the same counts; the interrupted runs FAILED (interrupted) and resumed.
 *
 * <p>The seed is printed; {@code -Ddhr.fault.seed=N} replays the same plan (a kill by a named point lands
 * on the same file again; one by time within milliseconds of where it did). Every kill is listed in
 * target/fault-injection.md.
 */
class FaultInjectionTest {

    private static final String AS_AT = "2016-05-31";
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);
    private static final Path REPORT = Path.of("target", "fault-injection.md");
    private static final int LOCKS_KEPT = 2;

    /** How a child is ended. */
    enum How {
        /** It halts at a named point of {@link FaultPoints}. */
        POINT,
        /** SIGKILL once a random number of files have moved out of the inbox, a few milliseconds later. */
        AFTER_FILES,
        /** SIGKILL after a random delay from its start, or once its first file has moved. */
        AFTER_DELAY,
        /** A monthly run: SIGKILL once its report step has written a first output. */
        MONTHLY_REPORT,
        /** A monthly run: SIGKILL a random time after it resumed the interrupted monthly run. */
        MONTHLY_RESUMED
    }

    /** Which file a named point's kill is aimed at. */
    enum Aim { NONE, ANY, REJECTED, DUPLICATE, SIGN_OFF, REJECTED_SIGN_OFF }

    record Intent(How how, String point, Aim aim, boolean monthly) {

        static Intent at(String point, Aim aim) {
            return new Intent(How.POINT, point, aim, false);
        }

        /** Whether its child takes returns out of the inbox (a kill by time takes the files moved before it). */
        boolean consumesReturns() {
            return (how == How.POINT && aim != Aim.NONE && aim != Aim.SIGN_OFF && aim != Aim.REJECTED_SIGN_OFF)
                    || how == How.AFTER_FILES || (how == How.AFTER_DELAY && !monthly);
        }
    }

    /** Where one kill landed: the point or stage, the file it was aimed at, the inbox's waiting files before and after. */
    record Kill(int child, String command, How how, String stage, Entry file, int before, int after) {
    }

    @Test
    void theIntakeKilledAtRandomPointsAndRestartedEndsAsAnUninterruptedRun() throws Exception {
        TestDatabase.assumeFileDatabases();
        long seed = Long.getLong("dhr.fault.seed", new Random().nextLong());
        System.out.println("FaultInjectionTest: seed " + seed + " (replay with -Ddhr.fault.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = Path.of("target", "test-homes", "fault-" + UUID.randomUUID()).toAbsolutePath();
        FaultInjectionInbox inbox = FaultInjectionInbox.write(root.resolve("drop"));
        Path clean = prepare(root.resolve("clean"), root.resolve("drop"));
        Path crashed = prepare(root.resolve("crashed"), root.resolve("drop"));
        int total = waiting(crashed, inbox).size();

        long started = System.nanoTime();
        assertThat(DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", clean.toString()}))
                .as("the clean run: some files are rejected").isEqualTo(Commands.REJECTED);
        long cleanRun = System.nanoTime() - started;

        List<Kill> kills = new ArrayList<>();
        List<String> notKilled = new ArrayList<>();
        List<Intent> plan = plan(random);
        // HSQLDB's lock file keeps a second process out while its owner's heartbeat is under 10 s old, so a start
        // after a kill waits up to 10 s. It is left for the start to take over after a few kills and removed after the
        // others (its owner is dead), to keep the test within its time.
        List<Integer> lockKept = random.ints(0, plan.size()).distinct().limit(LOCKS_KEPT).boxed().toList();
        for (int i = 0; i < plan.size(); i++) {
            Intent intent = plan.get(i);
            List<Entry> before = waiting(crashed, inbox);
            int consumersLeft = (int) plan.subList(i, plan.size()).stream().filter(Intent::consumesReturns).count();
            Kill kill = run(i + 1, intent, before, consumersLeft, crashed, root, inbox, random);
            if (kill == null) {
                notKilled.add("child " + (i + 1) + " (" + intent.how() + ") ended before its kill");
            } else {
                kills.add(kill);
            }
            if (!lockKept.contains(i)) {
                Files.deleteIfExists(crashed.resolve("db").resolve("dhr.lck"));
            }
        }
        long children = System.nanoTime() - started - cleanRun;
        int exit = DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", crashed.toString()});
        assertThat(exit).as("the last run finishes").isIn(Commands.OK, Commands.REJECTED);
        long elapsed = System.nanoTime() - started;
        writeReport(seed, kills, notKilled, lockKept.stream().map(i -> i + 1).toList(), total, cleanRun, children, elapsed);

        assertSpread(kills, total);
        assertSameHome(crashed, clean, inbox);
        assertHistory(crashed, kills);
    }

    /**
     * The kills, in order: the intake's (named points at every stage, aimed at files of each kind;
     * recovery; by time), sign-off files last as the intake reads them, then monthly runs.
     */
    private static List<Intent> plan(Random random) {
        List<Intent> returns = new ArrayList<>(List.of(
                Intent.at(FaultPoints.CHECKED, Aim.ANY), Intent.at(FaultPoints.CHECKED, Aim.REJECTED),
                Intent.at(FaultPoints.WRITTEN, Aim.ANY), Intent.at(FaultPoints.WRITTEN, Aim.REJECTED),
                Intent.at(FaultPoints.COMMITTED, Aim.ANY), Intent.at(FaultPoints.COMMITTED, Aim.REJECTED),
                Intent.at(FaultPoints.COMMITTED, Aim.DUPLICATE), Intent.at(FaultPoints.ERRORS_WRITTEN, Aim.REJECTED),
                Intent.at(FaultPoints.ERRORS_WRITTEN, Aim.REJECTED), Intent.at(FaultPoints.MOVED, Aim.ANY),
                Intent.at(FaultPoints.MOVED, Aim.DUPLICATE),
                new Intent(How.AFTER_FILES, null, Aim.NONE, false), new Intent(How.AFTER_FILES, null, Aim.NONE, false),
                new Intent(How.AFTER_DELAY, null, Aim.NONE, false), new Intent(How.AFTER_DELAY, null, Aim.NONE, false)));
        Collections.shuffle(returns, random);
        // The kills aimed at the few rejected and duplicate returns first (in their shuffled order), while the inbox holds
        // them all: the others can take many files at a time, and a plan that put them first once left no rejected
        // return for these (seed -5533735791752340602).
        returns.sort(java.util.Comparator.comparing(i -> i.aim() != Aim.REJECTED && i.aim() != Aim.DUPLICATE));
        // Recovery is killed right after a kill by a named point, which certainly left a run to recover.
        afterRandomPoint(returns, Intent.at(FaultPoints.RECOVERY_MARKING, Aim.NONE), random);
        afterRandomPoint(returns, Intent.at(FaultPoints.RECOVERY_RESUMING, Aim.NONE), random);
        List<Intent> signOffs = new ArrayList<>(List.of(Intent.at(FaultPoints.WRITTEN, Aim.SIGN_OFF),
                Intent.at(FaultPoints.COMMITTED, Aim.SIGN_OFF), Intent.at(FaultPoints.ERRORS_WRITTEN, Aim.REJECTED_SIGN_OFF)));
        Collections.shuffle(signOffs, random);
        afterRandomPoint(signOffs, Intent.at(FaultPoints.RECOVERY_MARKING, Aim.NONE), random);
        afterRandomPoint(signOffs, Intent.at(FaultPoints.RECOVERY_RESUMING, Aim.NONE), random);
        List<Intent> plan = new ArrayList<>(returns);
        plan.addAll(signOffs);
        // A monthly run that resumes the interrupted ingest and is killed in it, then two killed in reconcile and report.
        plan.add(new Intent(How.POINT, FaultPoints.COMMITTED, Aim.ANY, true));
        plan.add(new Intent(How.MONTHLY_REPORT, null, Aim.NONE, true));
        plan.add(new Intent(How.MONTHLY_RESUMED, null, Aim.NONE, true));
        return plan;
    }

    private static void afterRandomPoint(List<Intent> intents, Intent recovery, Random random) {
        Predicate<Intent> ingestPoint = i -> i.how() == How.POINT && i.aim() != Aim.NONE;
        List<Integer> after = new ArrayList<>();
        for (int i = 0; i < intents.size(); i++) {
            if (ingestPoint.test(intents.get(i)) && (i + 1 == intents.size() || intents.get(i + 1).aim() != Aim.NONE
                    || intents.get(i + 1).how() != How.POINT)) {
                after.add(i + 1);
            }
        }
        intents.add(after.get(random.nextInt(after.size())), recovery);
    }

    /** Runs one child to its kill; null when it ended by itself first. */
    private static Kill run(int n, Intent planned, List<Entry> before, int consumersLeft, Path crashed, Path root,
            FaultInjectionInbox inbox, Random random) throws Exception {
        String command = planned.monthly() ? "monthly" : "ingest";
        int returnsLeft = (int) before.stream().filter(e -> !e.signOff()).count();
        // Spread the files over the kills still to come that take some, so that the sign-off files are left for theirs.
        int gap = Math.max(1, returnsLeft / (consumersLeft + 1));
        List<String> options = new ArrayList<>(ChildJvm.QUICK_START);
        Intent intent = planned;
        Entry aimedAt = null;
        int target = -1;
        if (intent.how() == How.POINT && intent.aim() != Aim.NONE) {
            target = aim(intent.aim(), before, returnsLeft, gap, random);
            if (intent.point().equals(FaultPoints.ERRORS_WRITTEN) && target >= 0 && before.get(target).outcome() != Outcome.REJECTED) {
                if (consumersLeft > 1) {
                    // No rejected return within reach: the rejected sign-off file would take every return left from the
                    // kills still to come, so this one lands at the commit of a return instead.
                    intent = Intent.at(FaultPoints.COMMITTED, Aim.ANY);
                } else {
                    target = before.stream().map(Entry::outcome).toList().indexOf(Outcome.REJECTED);
                }
            }
            if (target < 0) {
                return null;
            }
            aimedAt = before.get(target);
            // Each file reaches each point once, in reading order; only rejected files write an .errors.txt.
            Predicate<Entry> reaches = intent.point().equals(FaultPoints.ERRORS_WRITTEN) ? e -> e.outcome() == Outcome.REJECTED
                    : e -> true;
            long countdown = before.subList(0, target + 1).stream().filter(reaches).count();
            options.addAll(List.of("-Ddhr.fault.point=" + intent.point(), "-Ddhr.fault.countdown=" + countdown));
        } else if (intent.how() == How.POINT) {
            options.add("-Ddhr.fault.point=" + intent.point());
        }
        int movedBefore = moved(crashed);
        long launched = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(root.resolve("logs").resolve(String.format("child-%02d.log", n)), options, command,
                "--as-at", AS_AT, "--home", crashed.toString())) {
            String stage;
            switch (intent.how()) {
                case POINT -> {
                    int exit = child.exitStatus(CHILD_TIMEOUT);
                    assertThat(child.lines()).as("child %d: %s (exit %d) reached", n, intent.point(), exit)
                            .contains("Fault point " + intent.point() + " reached: halting");
                    assertThat(exit).isEqualTo(FaultPoints.HALT_STATUS);
                    stage = intent.point();
                }
                case AFTER_FILES -> {
                    // Within the first transaction's files, so that the kill lands among its moves without taking more.
                    int most = Math.min(Math.min(2 * gap, returnsLeft - 1), IngestReturnsJobConfiguration.FILES_PER_TRANSACTION);
                    int files = 1 + random.nextInt(Math.max(1, most));
                    if (!child.waitUntil(() -> moved(crashed) >= movedBefore + files, CHILD_TIMEOUT)) {
                        return null;
                    }
                    Thread.sleep(random.nextInt(25));
                    child.kill();
                    stage = stageOf(child.lines(), moved(crashed) > movedBefore);
                }
                case AFTER_DELAY -> {
                    long delay = Duration.ofMillis(500 + random.nextInt(4500)).toNanos();
                    if (!child.waitUntil(() -> System.nanoTime() - launched > delay || moved(crashed) > movedBefore, CHILD_TIMEOUT)) {
                        return null;
                    }
                    child.kill();
                    stage = stageOf(child.lines(), moved(crashed) > movedBefore);
                }
                case MONTHLY_REPORT -> {
                    if (!child.waitUntil(() -> ChildJvm.fileCount(crashed.resolve("out").resolve("NABSCOP")) > 0, CHILD_TIMEOUT)) {
                        return null;
                    }
                    Thread.sleep(random.nextInt(300));
                    child.kill();
                    stage = "monthly: report step";
                }
                default -> {
                    if (!child.waitUntil(() -> child.lines().stream().anyMatch(l -> l.startsWith("Resuming the monthly run")),
                            CHILD_TIMEOUT)) {
                        return null;
                    }
                    Thread.sleep(500 + random.nextInt(2000));
                    if (!child.isAlive()) {
                        return null;
                    }
                    child.kill();
                    stage = "monthly: resumed run";
                }
            }
            List<Entry> after = waiting(crashed, inbox);
            if (target >= 0) {
                // Landed where aimed: the files of the chunks before the target's have gone (the files of a chunk are
                // applied in one transaction); after the commit, those before the target too, and the target once it has moved.
                int chunkStart = target / IngestReturnsJobConfiguration.FILES_PER_TRANSACTION * IngestReturnsJobConfiguration.FILES_PER_TRANSACTION;
                int from = switch (intent.point()) {
                    case FaultPoints.CHECKED, FaultPoints.WRITTEN -> chunkStart;
                    case FaultPoints.MOVED -> target + 1;
                    default -> target;
                };
                assertThat(after).as("child %d: inbox after %s at %s", n, intent.point(), aimedAt)
                        .isEqualTo(before.subList(from, before.size()));
            }
            return new Kill(n, command, intent.how(), stage, aimedAt, before.size(), after.size());
        }
    }

    /** The index of the file a kill is aimed at, or -1 when there is none. */
    private static int aim(Aim aim, List<Entry> waiting, int returnsLeft, int gap, Random random) {
        int signOffsLeft = waiting.size() - returnsLeft;
        return switch (aim) {
            case REJECTED, DUPLICATE -> {
                // The next such file (there are few of them), unless it lies so far on that it would leave too few returns
                // for the kills still to come.
                Outcome outcome = aim == Aim.REJECTED ? Outcome.REJECTED : Outcome.DUPLICATE;
                int reach = Math.min(returnsLeft, Math.max(2 * gap, returnsLeft / 2));
                for (int i = 0; i < reach; i++) {
                    if (waiting.get(i).outcome() == outcome) {
                        yield i;
                    }
                }
                yield aim(Aim.ANY, waiting, returnsLeft, gap, random);
            }
            case SIGN_OFF -> signOffsLeft == 0 ? -1 : returnsLeft + random.nextInt(Math.min(2, signOffsLeft));
            case REJECTED_SIGN_OFF -> {
                for (int i = returnsLeft; i < waiting.size(); i++) {
                    if (waiting.get(i).outcome() == Outcome.REJECTED) {
                        yield i;
                    }
                }
                yield aim(Aim.SIGN_OFF, waiting, returnsLeft, gap, random);
            }
            default -> returnsLeft > 0 ? random.nextInt(Math.min(2 * gap, returnsLeft))
                    : aim(Aim.SIGN_OFF, waiting, returnsLeft, gap, random);
        };
    }

    /** Where a kill by time landed, told from what the child had printed and whether a file had moved. */
    private static String stageOf(List<String> lines, boolean fileMoved) {
        Predicate<String> printed = s -> lines.stream().anyMatch(l -> l.contains(s));
        if (!printed.test("Started DhrTrackerApplication")) {
            return "start-up (JVM, Spring, database open)";
        }
        if (fileMoved) {
            return "ingest (by time, between files' stages)";
        }
        if (printed.test("Resuming the")) {
            return "recovery: restarting the run";
        }
        return printed.test("marked FAILED") ? "recovery: run marked" : "job start (before the first file)";
    }

    /** A HOME with the demo register and the inbox to ingest. */
    private static Path prepare(Path home, Path drop) throws IOException {
        assertThat(DhrTrackerApplication.run(new String[] {"import-register", JobTestSupport.DEMO_REGISTER.toString(), "--home",
                home.toString()})).isZero();
        try (Stream<Path> files = Files.list(drop)) {
            for (Path f : files.toList()) {
                Files.copy(f, home.resolve("inbox").resolve(f.getFileName()));
            }
        }
        return home;
    }

    /** The files waiting in the inbox, in the order the ingest reads them. */
    private static List<Entry> waiting(Path home, FaultInjectionInbox inbox) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("inbox"))) {
            List<String> names = files.filter(Files::isRegularFile).filter(InboxReader::isWaiting)
                    .map(f -> f.getFileName().toString()).toList();
            return inbox.inReadingOrder(names);
        }
    }

    /** Files moved out of the inbox so far: archived, or rejected (without their .errors.txt). */
    private static int moved(Path home) {
        try (Stream<Path> rejected = Files.list(home.resolve("rejected"))) {
            return ChildJvm.fileCount(home.resolve("archive"))
                    + (int) rejected.filter(f -> InboxReader.isWaiting(f)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void assertSpread(List<Kill> kills, int total) {
        List<Kill> intake = kills.stream().filter(k -> !k.stage().startsWith("monthly:")).toList();
        assertThat(intake).as("kills of the intake").hasSizeGreaterThanOrEqualTo(20);
        assertThat(kills.stream().map(Kill::stage).distinct()).as("every named point").containsAll(FaultPoints.ALL);
        assertThat(intake.stream().filter(k -> k.file() != null && k.file().signOff())).as("kills in sign-off files").hasSizeGreaterThanOrEqualTo(3);
        assertThat(intake.stream().filter(k -> k.file() != null && k.file().outcome() == Outcome.REJECTED
                && List.of(FaultPoints.COMMITTED, FaultPoints.ERRORS_WRITTEN).contains(k.stage())))
                .as("kills between a rejected file's commit and its move").hasSizeGreaterThanOrEqualTo(2);
        assertThat(intake.stream().filter(k -> k.file() != null && k.file().outcome() == Outcome.DUPLICATE))
                .as("kills at a duplicate").isNotEmpty();
        assertThat(intake.stream().filter(k -> k.how() != How.POINT)).as("kills by time").hasSizeGreaterThanOrEqualTo(3);
        assertThat(intake.stream().filter(k -> k.after() > 0 && k.after() < total)).as("kills with the inbox partly done")
                .hasSizeGreaterThanOrEqualTo(12);
        assertThat(kills.stream().filter(k -> k.stage().startsWith("monthly:"))).as("monthly runs killed").hasSize(2);
    }

    /** The crashed HOME against the clean one: database, folders, .errors.txt, counts. */
    private static void assertSameHome(Path crashed, Path clean, FaultInjectionInbox inbox) throws Exception {
        assertThat(ChildJvm.fileCount(crashed.resolve("inbox"))).as("files left in the inbox").isZero();
        for (String dir : List.of("archive", "rejected")) {
            assertThat(contents(crashed.resolve(dir))).as(dir + "/ by name and content").isEqualTo(contents(clean.resolve(dir)));
        }
        Map<String, String> rejected = contents(crashed.resolve("rejected"));
        List<String> files = rejected.keySet().stream().filter(n -> !n.endsWith(".errors.txt")).toList();
        assertThat(files).as("rejected files").hasSize(inbox.outcomes().get(Outcome.REJECTED).intValue());
        for (String file : files) {
            assertThat(rejected).as("%s has its .errors.txt", file).containsKey(file + ".errors.txt");
            assertThat(Files.readAllLines(crashed.resolve("rejected").resolve(file + ".errors.txt")))
                    .as("the marking, then the problems").first().isEqualTo("OFFICIAL-SENSITIVE");
        }
        try (Connection c = open(crashed); Connection r = open(clean)) {
            Map<String, List<List<String>>> tables = DomainTables.read(c);
            Map<String, List<List<String>>> reference = DomainTables.read(r);
            for (String table : reference.keySet()) {
                assertThat(tables.get(table)).as(table).isEqualTo(reference.get(table));
            }
            assertThat(reference.get("refused_update")).as("refused rows of rejected returns").isNotEmpty();
            Map<String, Integer> counts = ingestCounts(c);
            assertThat(counts).as("the ingest's counts, over the resumed runs").isEqualTo(ingestCounts(r));
            var outcomes = inbox.outcomes();
            assertThat(counts.get(InboxFileWriter.REJECTED) + counts.get(InboxFileWriter.SIGN_OFFS_REJECTED))
                    .isEqualTo(outcomes.get(Outcome.REJECTED).intValue());
            assertThat(counts.get(InboxFileWriter.DUPLICATE) + counts.get(InboxFileWriter.SIGN_OFFS_DUPLICATE))
                    .isEqualTo(outcomes.get(Outcome.DUPLICATE).intValue());
            shutdown(r);
            shutdown(c);
        }
    }

    /** Every file of a folder (hidden ones too) by name, with its content's hash. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), FileDigest.sha256(f));
            }
        }
        return files;
    }

    /**
     * The ingest's counts (files accepted, rejected…), summed over the job instances: each instance's last
     * ingest step has them all, a restarted step carrying on from the counts committed before.
     */
    private static Map<String, Integer> ingestCounts(Connection c) throws Exception {
        List<List<String>> contexts = rows(c, """
                SELECT COALESCE(x.SERIALIZED_CONTEXT, x.SHORT_CONTEXT) FROM BATCH_STEP_EXECUTION s
                JOIN BATCH_STEP_EXECUTION_CONTEXT x ON x.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE s.STEP_NAME = 'ingest-returns' AND s.STEP_EXECUTION_ID = (
                  SELECT MAX(s2.STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION s2
                  JOIN BATCH_JOB_EXECUTION e2 ON e2.JOB_EXECUTION_ID = s2.JOB_EXECUTION_ID
                  WHERE e2.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND s2.STEP_NAME = 'ingest-returns')""");
        Map<String, Integer> sums = new TreeMap<>();
        for (List<String> row : contexts) {
            Map<String, Object> context = new DefaultExecutionContextSerializer()
                    .deserialize(new ByteArrayInputStream(row.get(0).getBytes(StandardCharsets.UTF_8)));
            for (String key : List.of(InboxFileWriter.ACCEPTED, InboxFileWriter.REJECTED, InboxFileWriter.DUPLICATE,
                    InboxFileWriter.ROWS, InboxFileWriter.SIGN_OFFS_ACCEPTED, InboxFileWriter.SIGN_OFFS_REJECTED,
                    InboxFileWriter.SIGN_OFFS_DUPLICATE, InboxFileWriter.DECISIONS)) {
                sums.merge(key, (Integer) context.getOrDefault(key, 0), Integer::sum);
            }
        }
        return sums;
    }

    /** Every run a kill cut short is FAILED (interrupted) and was resumed; none is left running; the last COMPLETED. */
    private static void assertHistory(Path crashed, List<Kill> kills) throws Exception {
        try (Connection c = open(crashed)) {
            List<List<String>> runs = rows(c, """
                    SELECT i.JOB_NAME, e.STATUS, e.EXIT_MESSAGE, e.JOB_INSTANCE_ID,
                           (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION later
                            WHERE later.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND later.JOB_EXECUTION_ID > e.JOB_EXECUTION_ID)
                    FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                    ORDER BY e.JOB_EXECUTION_ID""");
            shutdown(c);
            assertThat(runs).extracting(r -> r.get(1)).as("run statuses").containsOnly("COMPLETED", "FAILED");
            List<List<String>> failed = runs.stream().filter(r -> r.get(1).equals("FAILED")).toList();
            for (List<String> run : failed) {
                assertThat(run.get(2)).as("a failed run was interrupted: %s", run).contains(RunRecovery.INTERRUPTED);
                assertThat(Integer.parseInt(run.get(4))).as("an interrupted run was resumed: %s", run).isPositive();
            }
            long inRun = kills.stream().filter(k -> k.how() == How.POINT && !k.stage().startsWith("recovery.")).count()
                    + kills.stream().filter(k -> k.stage().startsWith("monthly:")).count();
            assertThat(failed).as("runs interrupted").hasSizeGreaterThanOrEqualTo((int) inRun);
            assertThat(runs.get(runs.size() - 1)).as("the last run").startsWith("monthly", "COMPLETED");
        }
    }

    /** target/fault-injection.md: the kills by point or stage, then one by one. */
    private static void writeReport(long seed, List<Kill> kills, List<String> notKilled, List<Integer> lockKept, int files,
            long cleanRun, long children, long elapsed) throws IOException {
        Map<String, List<Kill>> byStage = new LinkedHashMap<>();
        FaultPoints.ALL.forEach(p -> byStage.put(p, new ArrayList<>()));
        kills.forEach(k -> byStage.computeIfAbsent(k.stage(), s -> new ArrayList<>()).add(k));
        StringBuilder md = new StringBuilder();
        md.append("# Fault injection run\n\nSeed ").append(seed).append(" (`-Ddhr.fault.seed=").append(seed).append("`): ")
                .append(kills.size()).append(" kills of ").append(files).append(" inbox files in ")
                .append(kills.size() + notKilled.size()).append(" child JVMs; clean run ").append(seconds(cleanRun))
                .append(", children ").append(seconds(children)).append(", test ").append(seconds(elapsed))
                .append(". HSQLDB's lock file left for the next start to take over after children ").append(lockKept).append(".\n\n");
        md.append("| point or stage | kills | in sign-off files | at rejected files | at duplicates |\n| --- | --- | --- | --- | --- |\n");
        byStage.forEach((stage, list) -> md.append("| `").append(stage).append("` | ").append(list.size()).append(" | ")
                .append(count(list, e -> e.signOff())).append(" | ").append(count(list, e -> e.outcome() == Outcome.REJECTED))
                .append(" | ").append(count(list, e -> e.outcome() == Outcome.DUPLICATE)).append(" |\n"));
        md.append("\n| child | command | how | point or stage | file aimed at | waiting before → after |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Kill k : kills) {
            md.append("| ").append(k.child()).append(" | ").append(k.command()).append(" | ").append(k.how()).append(" | `")
                    .append(k.stage()).append("` | ")
                    .append(k.file() == null ? "" : k.file().name() + " (" + k.file().outcome().name().toLowerCase() + ")")
                    .append(" | ").append(k.before()).append(" → ").append(k.after()).append(" |\n");
        }
        notKilled.forEach(s -> md.append("\n").append(s).append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md);
        System.out.print(md);
    }

    private static long count(List<Kill> kills, Predicate<Entry> p) {
        return kills.stream().filter(k -> k.file() != null && p.test(k.file())).count();
    }

    private static String seconds(long nanos) {
        return String.format("%.0f s", nanos / 1e9);
    }
}
