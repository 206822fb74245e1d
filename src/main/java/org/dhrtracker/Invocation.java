package org.dhrtracker;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dhrtracker.bench.Benchmark;
import org.dhrtracker.tabular.CellDates;

/** A parsed command line: command, its arguments and options. */
record Invocation(String command, List<String> arguments, LocalDate asAt, String review, String partnership, String agency,
        SignOff signOff, Coding coding, Path home, double scale, int months) {

    /** The sign-off command's options. @param decision "Accept" or "Reject" */
    record SignOff(String action, String decision, String reason, String by) {
    }

    /** The options of themes and national: a recommendation, themes to add or remove, its letter. */
    record Coding(String recommendation, List<String> add, List<String> remove, String recipient, LocalDate sent, LocalDate answered) {

        boolean corrects() {
            return !add.isEmpty() || !remove.isEmpty();
        }
    }

    static final Set<String> COMMANDS = Set.of("import-register", "import-plan", "ingest", "reconcile", "report", "monthly", "sign-off",
            "serve", "history", "benchmark", "themes", "national", "export-oversight", "help");

    static final String USAGE = """
            Usage: java -jar target/dhr-tracker.jar <command> [options]

            Commands:
              import-register FILE   Create or update the register of a review from a register file
                                     (CSV or XLSX, one row per action; see docs/FORMATS.md).
              import-plan FILE       Create or update the register of --review ID from an action plan
                                     as partnerships keep them (Word .docx, .xlsx, .csv, .tsv/.txt;
                                     layouts A and B), and record the progress its progress column
                                     reports. Writes an import report to HOME/out/imports/.
              ingest                 Apply every agency return, then every sign-off file, waiting in
                                     HOME/inbox/. Accepted files
                                     move to archive/, rejected ones to rejected/ with a .errors.txt.
              reconcile              Work out every action's status and RAG as at the as-at date.
              report                 Write the board report (PDF), the master workbook (XLSX), the
                                     findings (CSV) and each agency's chase list to HOME/out/.
              monthly                The monthly run, as defined in jobs/monthly.properties:
                                     ingest, reconcile, report. On an empty HOME it first loads the
                                     demo register and returns (the DHR1 review) so the run shows
                                     something real.
              sign-off               Accept or reject an agency's completion claim on an action:
                                     --review ID --action REF (--accept | --reject --reason TEXT)
                                     [--by NAME] [--as-at DATE, the decided-on date, default today].
                                     Only accepted completions count as Completed. Sign-off files
                                     dropped in HOME/inbox/ do the same for many actions.
              serve                  Run as a service until stopped (SIGTERM): ingest each file
                                     dropped in HOME/inbox/ once it has stopped changing
                                     (dhr.serve.settle-seconds), and run the jobs of jobs/ on their
                                     cron schedules. One serve per HOME.
              history                The last 20 job runs, newest first: start, end, duration,
                                     status, and items read, written and rejected.
              benchmark              Generates the national data set (--scale 1: 2,000 reviews,
                                     150,000 actions) into --home (a new or empty folder), times
                                     the monthly run on it and the floor of each stage, and prints
                                     the figures (see docs/BENCHMARKS.md). Run it with -Xmx512m
                                     -XX:+UseParallelGC.
              themes                 The themes x reviews matrix (seed 004's checklist, or
                                     HOME/themes/taxonomy.csv) and the recommendations no theme
                                     tags. With --review ID --recommendation N --add CODES and/or
                                     --remove CODES: correct the rules' tags of one recommendation.
              national               Record a national recommendation's letter: --review ID
                                     --recommendation N --recipient BODY [--sent DATE]
                                     [--answered DATE].
              export-oversight       Reconcile as at --as-at, then write the oversight dataset
                                     (CSV and JSON, one record per recommendation) to
                                     HOME/out/oversight/.
              help, --help           This text.

            Options:
              --as-at DATE    The date to report as at: 2016-05-31 or 31/05/2016. Default: the end of
                              the previous month.
              --review ID     Only this review (e.g. DHR1). Default: every review (import-register:
                              every row must belong to it; import-plan: required).
              --as-at DATE    (import-plan) The date of the plan's progress column, when the plan
                              does not state it ("Progress - as at 31 May 2016").
              --partnership CODE
                              (import-plan) The partnership of a new review, e.g. NABSCOP.
              --agency CODE   (import-plan) The plan is this agency's copy with its progress
                              column updated: record the progress of its own actions only, and
                              leave the register as it is.
              --action REF    (sign-off) The action reference, e.g. 28-POLICE.
              --accept, --reject
                              (sign-off) The decision on the action's completion claim.
              --reason TEXT   (sign-off) Why; required with --reject, for the agency.
              --by NAME       (sign-off) Who decided, e.g. DHR Coordinator.
              --recommendation N
                              (themes, national) The recommendation's number in the review.
              --add CODES, --remove CODES
                              (themes) Theme codes, comma-separated, e.g. PP-POLICE,TL-DASH.
              --recipient BODY, --sent DATE, --answered DATE
                              (national) The department or body the letter went to; when it
                              was sent; when it was answered.
              --home DIR      The working folder: database, inbox/, archive/, rejected/, out/.
                              Default: ./var
              --scale X       (benchmark) The size of the data set: 1 is the national figures,
                              0.1 a tenth, 3 three times. Default: 1.
              --months N      (benchmark) Months of returns, the last one measured and the
                              others loaded before it as history. Default: 2.

            Exit status: 0 done; 2 input rejected (nothing of a rejected file was applied);
            1 the job failed; 64 the command line is wrong.
            """;

    static Invocation parse(String[] args) {
        String command = null;
        List<String> arguments = new ArrayList<>();
        LocalDate asAt = null;
        String review = null;
        String partnership = null;
        String agency = null;
        String action = null;
        String decision = null;
        String reason = null;
        String by = null;
        String recommendation = null;
        List<String> add = List.of();
        List<String> remove = List.of();
        String recipient = null;
        LocalDate sent = null;
        LocalDate answered = null;
        Path home = Path.of("var");
        double scale = 1;
        int months = Benchmark.MONTHS;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h", "help" -> command = "help";
                case "--as-at" -> asAt = date(value(args, ++i, a), a);
                case "--recommendation" -> recommendation = value(args, ++i, a);
                case "--add" -> add = codes(value(args, ++i, a));
                case "--remove" -> remove = codes(value(args, ++i, a));
                case "--recipient" -> recipient = value(args, ++i, a);
                case "--sent" -> sent = date(value(args, ++i, a), a);
                case "--answered" -> answered = date(value(args, ++i, a), a);
                case "--review" -> review = value(args, ++i, a);
                case "--partnership" -> partnership = value(args, ++i, a);
                case "--agency" -> agency = value(args, ++i, a);
                case "--home" -> home = Path.of(value(args, ++i, a));
                case "--action" -> action = value(args, ++i, a);
                case "--accept", "--reject" -> {
                    String d = a.equals("--accept") ? "Accept" : "Reject";
                    if (decision != null && !decision.equals(d)) {
                        throw new IllegalArgumentException("sign-off takes --accept or --reject, not both");
                    }
                    decision = d;
                }
                case "--reason" -> reason = value(args, ++i, a);
                case "--by" -> by = value(args, ++i, a);
                case "--scale" -> scale = scale(value(args, ++i, a));
                case "--months" -> months = months(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    } else if (command == null) {
                        if (!COMMANDS.contains(a)) {
                            throw new IllegalArgumentException("unknown command '" + a + "'");
                        }
                        command = a;
                    } else {
                        arguments.add(a);
                    }
                }
            }
        }
        if (command == null) {
            throw new IllegalArgumentException("no command given");
        }
        int expected = command.startsWith("import-") ? 1 : 0;
        if (!command.equals("help") && arguments.size() != expected) {
            throw new IllegalArgumentException(expected == 1 ? command + " needs one FILE"
                    : command + " takes no arguments, only options (got " + arguments + ")");
        }
        if (command.equals("import-plan") && review == null) {
            throw new IllegalArgumentException("import-plan needs --review ID: the review the plan belongs to");
        }
        if (command.equals("sign-off") && (review == null || action == null || decision == null)) {
            throw new IllegalArgumentException("sign-off needs --review ID --action REF and --accept or --reject");
        }
        Coding coding = new Coding(recommendation, add, remove, recipient, sent, answered);
        if (command.equals("themes") && coding.corrects() && (review == null || recommendation == null)) {
            throw new IllegalArgumentException("themes --add/--remove needs --review ID and --recommendation N");
        }
        if (command.equals("national") && (review == null || recommendation == null || recipient == null)) {
            throw new IllegalArgumentException("national needs --review ID --recommendation N and --recipient BODY");
        }
        return new Invocation(command, List.copyOf(arguments), asAt, review, partnership, agency,
                new SignOff(action, decision, reason, by), coding, home, scale, months);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double scale(String text) {
        try {
            double scale = Double.parseDouble(text);
            if (scale > 0 && scale <= 100) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--scale: '" + text + "' is not a number above 0 and at most 100");
    }

    private static int months(String text) {
        try {
            int months = Integer.parseInt(text);
            if (months >= 2 && months <= 120) {
                return months;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--months: '" + text + "' is not a whole number from 2 to 120");
    }

    private static LocalDate date(String text, String option) {
        try {
            return CellDates.parse(text).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static List<String> codes(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }
}
