package org.dhrtracker.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A deterministic national data set: the registers of every review of England and Wales and the
 * agencies' monthly returns, shaped like the DHR1 action plan (seed 001) and its returns. The same
 * shape and seed give the same files byte for byte, at any scale.
 *
 * <p>Each review is generated from a random source of its own (seed and review number), so one review,
 * one partnership's returns or the whole country can be produced in any order without holding the rest:
 * memory does not grow with the scale.
 *
 * <p>The shape of a review follows DHR1: about 30 recommendations, each addressed to one body and
 * acted on by one agency (some in parts: 2a, 2b), and a few addressed to ALL AGENCIES that fan out to
 * every agency of the partnership (DHR1's 25-28, action refs such as 28-POLICE); texts of the lengths
 * seen there (recommendation ~550 characters with a., b. sub-items, action ~170, evidence of
 * achievement ~100, progress ~125); target dates as plans write them ("31 st March 2015", "Dec 2014",
 * "Ongoing", "TBC", "a) Completed b)Completed c)31/05/14", "Within 3 months"...).
 */
public final class NationalData {

    /**
     * How much data, and its seed.
     *
     * @param reviews reviews in the country (2,000 at scale 1)
     * @param reviewsPerPartnership reviews of each Community Safety Partnership
     * @param recommendationsPerReview recommendations of each review
     * @param actionsPerReview actions of each review (at least one per recommendation)
     * @param agenciesPerPartnership agencies of each partnership: an ALL AGENCIES recommendation has an action for each
     * @param months months of returns up to and including the as-at month
     * @param asAt the as-at date of the last month's returns (the end of a month)
     */
    public record Shape(int reviews, int reviewsPerPartnership, int recommendationsPerReview, int actionsPerReview,
            int agenciesPerPartnership, int months, LocalDate asAt, long seed) {

        public Shape {
            if (reviews < 1 || reviewsPerPartnership < 1 || recommendationsPerReview < 1 || months < 1) {
                throw new IllegalArgumentException("reviews, reviews per partnership, recommendations and months must be at least 1");
            }
            if (actionsPerReview < recommendationsPerReview) {
                throw new IllegalArgumentException("every recommendation needs an action: actions per review must be at least "
                        + recommendationsPerReview);
            }
            if (agenciesPerPartnership < 2 || agenciesPerPartnership > AGENCY_TYPES.size()) {
                throw new IllegalArgumentException("agencies per partnership: 2 to " + AGENCY_TYPES.size());
            }
        }

        /** The national figures times {@code scale}: 2,000 reviews, 60,000 recommendations, 150,000 actions at 1. */
        public static Shape national(double scale, int months, LocalDate asAt, long seed) {
            int reviews = (int) Math.max(1, Math.round(NATIONAL_REVIEWS * scale));
            return new Shape(reviews, 7, 30, 75, 10, months, asAt, seed);
        }

        public int partnerships() {
            return (reviews + reviewsPerPartnership - 1) / reviewsPerPartnership;
        }

        public long actions() {
            return (long) reviews * actionsPerReview;
        }

        public long recommendations() {
            return (long) reviews * recommendationsPerReview;
        }

        /** ALL AGENCIES recommendations per review: as many as the actions allow, at most one in eight. */
        int fanOutRecommendations() {
            int spare = actionsPerReview - recommendationsPerReview;
            return Math.min(recommendationsPerReview / 8, spare / (agenciesPerPartnership - 1));
        }

        /** The as-at dates of the returns, oldest first: the end of each month. */
        public List<LocalDate> returnDates() {
            List<LocalDate> dates = new ArrayList<>();
            YearMonth last = YearMonth.from(asAt);
            for (int m = months - 1; m >= 0; m--) {
                dates.add(last.minusMonths(m).atEndOfMonth());
            }
            return dates;
        }
    }

    public static final int NATIONAL_REVIEWS = 2000;

    /** One action of the generated register, with everything a register row and a workbook row show. */
    public record GeneratedAction(String partnership, String partnershipName, String review, String reviewTitle,
            String recommendation, String source, String owningBody, String scope, String recommendationText, String actionRef,
            String agency, String agencyName, String action, String evidenceOfAchievement, String implementationLead,
            String targetDate, int index) {
    }

    /** One generated return row. */
    public record GeneratedUpdate(String review, String actionRef, String agency, LocalDate asAt, String status, String progress,
            String evidence, LocalDate revisedTarget, LocalDate completionDate, String reportedBy) {
    }

    static final List<String> REGISTER_HEADER = List.of("Review", "Partnership", "Partnership name", "Review title",
            "Recommendation", "Source", "Owning body", "Scope", "Recommendation text", "Action ref", "Agency", "Agency name",
            "Action", "Evidence of achievement", "Implementation lead", "Target date", "Due date");
    static final List<String> RETURN_HEADER = List.of("Review", "Action ref", "Agency", "As at", "Status", "Progress",
            "Evidence", "Revised target date", "Completion date", "Reported by");

    /** Agency kinds of a partnership, in the order they are taken: code stem and name pattern (%s: the place). */
    private record AgencyType(String code, String name, String lead) {
    }

    private static final List<AgencyType> AGENCY_TYPES = List.of(
            new AgencyType("POLICE", "%s Police", "DA Strategic Lead"),
            new AgencyType("PROBATION", "%s Probation Service", "Assistant Chief Officer"),
            new AgencyType("CCG", "%s Clinical Commissioning Group", "Designated Nurse Safeguarding Adults"),
            new AgencyType("ACUTE", "%s Hospital NHS Trust", "Named Nurse Safeguarding"),
            new AgencyType("MHT", "%s Partnership NHS Trust", "Head of Safeguarding"),
            new AgencyType("COUNCIL", "%s Borough Council", "Communities Manager"),
            new AgencyType("CHILDRENS", "%s County Council – Children's Services", "Children's Liaison Manager"),
            new AgencyType("AMBULANCE", "%s Ambulance Service", "Safeguarding Lead"),
            new AgencyType("MARAC", "%s MARAC Steering Group", "MARAC Co-ordinator"),
            new AgencyType("CSP", "%s Safer Communities Partnership", "DHR Coordinator"),
            new AgencyType("HOUSING", "%s Housing Association", "Tenancy Services Manager"),
            new AgencyType("IDVA", "%s Domestic Abuse Service", "IDVA Service Manager"),
            new AgencyType("LCJB", "%s Local Criminal Justice Board", "Board Manager"),
            new AgencyType("SCHOOLS", "%s Education Safeguarding Team", "Education Safeguarding Lead"));

    private static final List<String> PLACES = List.of("Nuneaton", "Bedworth", "Rugby", "Warwick", "Stratford", "Coventry",
            "Solihull", "Redditch", "Bromsgrove", "Worcester", "Hereford", "Telford", "Shrewsbury", "Stafford", "Derby",
            "Leicester", "Northampton", "Bedford", "Luton", "Reading", "Swindon", "Bristol", "Exeter", "Plymouth", "Cardiff",
            "Swansea", "Newport", "Wrexham", "Chester", "Wigan", "Bolton", "Oldham", "Sheffield", "Leeds", "Bradford", "York",
            "Hull", "Durham", "Sunderland", "Carlisle", "Norwich", "Ipswich", "Colchester", "Southend", "Croydon", "Barnet",
            "Ealing", "Hackney", "Lambeth", "Brighton");

    // Sentences of the kinds the DHR1 plan and its returns hold (seed 001), recombined to the lengths seen there.
    private static final List<String> RECOMMENDATION_SENTENCES = List.of(
            "%s to develop Domestic Violence and Abuse Procedures that include clear, written policies for all agencies explaining when and how to refer to specialist domestic violence support services.",
            "%s to direct the MARAC Steering Group to take the following actions to improve the DASH risk assessment process.",
            "%s delivers a public awareness campaign that addresses the myths about stereotypical victims of abuse.",
            "%s develops an Information Sharing Protocol, with accompanying guidance, for all partner agencies regarding sharing information within DHRs.",
            "%s ensures that the findings of the review of the Referrals and Assessment Unit have been fully implemented.",
            "%s shares the learning points from the IMR and the DHR as a whole with all officers and staff using DASH.",
            "%s targets front line staff with specific domestic abuse training to enable them to identify people at risk and initiate appropriate supportive and preventative actions.",
            "%s puts in place procedures to ensure that correspondence is legible and forwarded without delay following presentation of a patient with serious issues such as self-harm, a suicide attempt or abuse.",
            "%s ensures that information provided by friends and family is shared with the Offender Manager preparing post-sentence assessments.",
            "%s reviews its safeguarding training so that staff consider all information available to them when attending incidents.");
    private static final List<String> SUB_ITEMS = List.of(
            "Clear, written policies for all agencies explaining when and how to refer to specialist services, so that vulnerable victims do not fall between services.",
            "A process to ensure that feedback is requested and given on the outcome of referrals, especially if no contact can be made or support is declined.",
            "A reminder to officers investigating or reporting domestic abuse incidents of the importance of recording the full names and home addresses of any children witnessing domestic abuse.",
            "Develop and implement multi-agency training on the use of DASH to assess risks in line with CAADA guidelines.",
            "Explore the options for developing risk assessments of the risks posed by perpetrators and the identification of serial abusers.",
            "Repeat the risk assessment when circumstances change, following a withdrawal of statement or a breach of bail conditions.");
    private static final List<String> ACTION_SENTENCES = List.of(
            "Develop a multi-agency domestic abuse referrals protocol to which commissioned service providers must adhere.",
            "Include relevant CAADA guidelines in the MARAC Operating Protocol and the MARAC Action Plan.",
            "Training to be delivered to A&E staff and to all other front line staff.",
            "Review all DHR recommendations to identify any necessary changes to practice or procedures.",
            "Learning to be disseminated via a dedicated intranet page on domestic abuse and incorporated into training packages for staff.",
            "Set out a clear policy on who will investigate and supervise the investigation of high-risk domestic abuse crimes.",
            "Relevant information to be shared with the offender manager and included in the risk assessment and sentence plan.",
            "Link to the domestic abuse website to be created on the agency's internet site.",
            "Audit of case files to check that DASH risk assessments are completed and repeated when circumstances change.",
            "Steering Group to consider options for managing the volume of cases heard at each MARAC meeting.");
    private static final List<String> EVIDENCE_SENTENCES = List.of(
            "Multi-agency protocol agreed by the Board and published on the website.",
            "MARAC Induction Guide produced; record of induction meetings held.",
            "Training records and attendance figures.",
            "Audit letter and audit analysis.",
            "Policy in place and available on the intranet.",
            "Minutes of the Steering Group.",
            "Link on the agency's website.");
    private static final List<String> PROGRESS_SENTENCES = List.of(
            "Information gathered and to be shared with the Steering Group.",
            "Multi-agency training is being delivered to all front line supervisors; it covers the dynamics of domestic abuse, risk assessments and recognising risk indicators.",
            "Policy drafted and out to consultation with partner agencies.",
            "Item remains on the Steering Group agenda.",
            "Audit completed; findings reported to the Board and an action plan agreed.",
            "Awaiting sign-off by the Executive Board.",
            "Covered in the wider public protection training delivered during the year.",
            "Dip sampling of compliance is under way.");
    private static final List<String> LEADS = List.of("Head of Safeguarding", "DA Strategic Lead", "Board Manager",
            "Named Nurse Safeguarding", "Service Manager");

    private final Shape shape;

    public NationalData(Shape shape) {
        this.shape = shape;
    }

    public Shape shape() {
        return shape;
    }

    public static String partnershipCode(int partnership) {
        return String.format(Locale.ROOT, "CSP%03d", partnership + 1);
    }

    private static String place(int partnership) {
        String place = PLACES.get(partnership % PLACES.size());
        int round = partnership / PLACES.size();
        return round == 0 ? place : place + " " + (round + 1);
    }

    public static String partnershipName(int partnership) {
        return place(partnership) + " Safer Communities Partnership";
    }

    /** A review's id: unique in the country, since the register's review ids are. */
    public String reviewId(int review) {
        return partnershipCode(review / shape.reviewsPerPartnership()) + "-DHR" + (review % shape.reviewsPerPartnership() + 1);
    }

    /** The reviews of a partnership: review numbers from, to (exclusive). */
    private int[] reviewsOf(int partnership) {
        int from = partnership * shape.reviewsPerPartnership();
        return new int[] {from, Math.min(shape.reviews(), from + shape.reviewsPerPartnership())};
    }

    public static String agencyCode(int partnership, int agency) {
        return AGENCY_TYPES.get(agency).code() + "-" + partnershipCode(partnership);
    }

    private static String agencyName(int partnership, int agency) {
        return String.format(AGENCY_TYPES.get(agency).name(), place(partnership));
    }

    /** Every action of the country, review by review, in plan order. */
    public void forEachAction(Consumer<GeneratedAction> sink) {
        for (int r = 0; r < shape.reviews(); r++) {
            review(r).forEach(sink);
        }
    }

    /** The actions of one review, in plan order: the same every time. */
    public List<GeneratedAction> review(int review) {
        SplittableRandom random = random(review, 0);
        int p = review / shape.reviewsPerPartnership();
        String partnership = partnershipCode(p);
        String reviewId = reviewId(review);
        String title = place(p) + " Domestic Homicide Review (DHR" + (review % shape.reviewsPerPartnership() + 1) + ")";
        int recs = shape.recommendationsPerReview();
        int fanOut = shape.fanOutRecommendations();
        int single = recs - fanOut;
        int agencies = shape.agenciesPerPartnership();
        // Actions left after one per single-body recommendation and one per agency per ALL AGENCIES one: parts (2a, 2b).
        int parts = shape.actionsPerReview() - single - fanOut * agencies;
        int[] partsOf = new int[single];
        for (int i = 0; i < parts; i++) {
            partsOf[i % single]++;
        }
        shuffle(partsOf, random);
        int planYear = shape.asAt().getYear() - random.nextInt(4);
        List<GeneratedAction> actions = new ArrayList<>(shape.actionsPerReview());
        for (int n = 1; n <= recs; n++) {
            boolean all = n > single;
            int owner = all ? -1 : random.nextInt(agencies);
            String owningBody = all ? "ALL AGENCIES" : agencyName(p, owner);
            String scope = scope(random);
            String text = recommendationText(random, owningBody);
            if (all) {
                for (int a = 0; a < agencies; a++) {
                    String code = agencyCode(p, a);
                    actions.add(new GeneratedAction(partnership, partnershipName(p), reviewId, title, Integer.toString(n), "Overview",
                            owningBody, scope, text, n + "-" + AGENCY_TYPES.get(a).code(), code, agencyName(p, a),
                            AGENCY_TYPES.get(a).code() + ": " + text(random, ACTION_SENTENCES, 110, " "),
                            evidence(random), lead(random), targetDate(random, planYear), actions.size()));
                }
            } else {
                int count = 1 + partsOf[n - 1];
                for (int part = 0; part < count; part++) {
                    String ref = count == 1 ? Integer.toString(n) : n + Character.toString('a' + part);
                    actions.add(new GeneratedAction(partnership, partnershipName(p), reviewId, title, Integer.toString(n), "Overview",
                            owningBody, scope, text, ref, agencyCode(p, owner), agencyName(p, owner),
                            text(random, ACTION_SENTENCES, 110, "\n• "), evidence(random), lead(random), targetDate(random, planYear),
                            actions.size()));
                }
            }
        }
        return actions;
    }

    /**
     * The update of one action in the month ending {@code asAt}: every action gets one each month.
     * An action is completed from a month of its own on, and says so every month after.
     */
    public GeneratedUpdate update(GeneratedAction a, int review, LocalDate asAt) {
        SplittableRandom random = random(review, 1 + a.index());
        // The month the work is done, counted back from the last month: a third are done by then.
        int doneMonthsBeforeEnd = random.nextInt(-8, 4);
        int monthsBeforeEnd = (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(asAt), YearMonth.from(shape.asAt()));
        boolean completed = monthsBeforeEnd <= doneMonthsBeforeEnd;
        SplittableRandom month = random(review, (1 + a.index()) * 1000L + asAt.getMonthValue() + asAt.getYear() * 12L);
        String status = completed ? "Completed" : month.nextInt(20) == 0 ? "Not started" : "In progress";
        String progress = month.nextInt(8) == 0 ? null : text(month, PROGRESS_SENTENCES, 80, "\n");
        if (completed && progress != null) {
            progress = progress + "\nCOMPLETED";
        }
        String evidence = completed ? (month.nextInt(7) == 0 ? null : text(month, EVIDENCE_SENTENCES, 45, "\n"))
                : month.nextInt(4) == 0 ? text(month, EVIDENCE_SENTENCES, 45, "\n") : null;
        LocalDate revised = !completed && month.nextInt(12) == 0 ? YearMonth.from(asAt).plusMonths(1 + month.nextInt(6)).atEndOfMonth() : null;
        LocalDate completion = completed && month.nextBoolean() ? asAt.minusDays(month.nextInt(25)) : null;
        return new GeneratedUpdate(a.review(), a.actionRef(), a.agency(), asAt, status, progress, evidence, revised, completion,
                AGENCY_TYPES.get(agencyIndex(a.agency())).lead());
    }

    private static int agencyIndex(String code) {
        String stem = code.substring(0, code.lastIndexOf('-'));
        for (int i = 0; i < AGENCY_TYPES.size(); i++) {
            if (AGENCY_TYPES.get(i).code().equals(stem)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /** Writes one register file per partnership (every action of its reviews) into the folder; returns them. */
    public List<Path> writeRegisters(Path dir) {
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < shape.partnerships(); p++) {
            Path file = dir.resolve(partnershipCode(p) + "-register.csv");
            int[] reviews = reviewsOf(p);
            write(file, REGISTER_HEADER, csv -> {
                for (int r = reviews[0]; r < reviews[1]; r++) {
                    for (GeneratedAction a : review(r)) {
                        csv.accept(List.of(a.review(), a.partnership(), a.partnershipName(), a.reviewTitle(), a.recommendation(),
                                a.source(), a.owningBody(), a.scope(), a.recommendationText(), a.actionRef(), a.agency(), a.agencyName(),
                                a.action(), nullToEmpty(a.evidenceOfAchievement()), nullToEmpty(a.implementationLead()), a.targetDate(), ""));
                    }
                }
            });
            files.add(file);
        }
        return files;
    }

    /**
     * Writes the returns of the month ending {@code asAt}: one file per agency of each partnership, a row
     * for each of its actions in every review of the partnership (as a return pack comes back).
     */
    public List<Path> writeReturns(Path dir, LocalDate asAt) {
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < shape.partnerships(); p++) {
            int[] reviews = reviewsOf(p);
            List<List<GeneratedAction>> actions = new ArrayList<>();
            for (int r = reviews[0]; r < reviews[1]; r++) {
                actions.add(review(r));
            }
            for (int agency = 0; agency < shape.agenciesPerPartnership(); agency++) {
                String code = agencyCode(p, agency);
                // Named as a return pack comes back (partnership, agency, date): the inbox takes a partnership's together.
                Path file = dir.resolve(partnershipCode(p) + "-" + AGENCY_TYPES.get(agency).code() + "-return-" + asAt + ".csv");
                write(file, RETURN_HEADER, csv -> {
                    for (int i = 0; i < actions.size(); i++) {
                        for (GeneratedAction a : actions.get(i)) {
                            if (a.agency().equals(code)) {
                                GeneratedUpdate u = update(a, reviews[0] + i, asAt);
                                csv.accept(java.util.Arrays.asList(u.review(), u.actionRef(), u.agency(), u.asAt().toString(), u.status(),
                                        nullToEmpty(u.progress()), nullToEmpty(u.evidence()), dateText(u.revisedTarget()),
                                        dateText(u.completionDate()), u.reportedBy()));
                            }
                        }
                    }
                });
                files.add(file);
            }
        }
        return files;
    }

    private static void write(Path file, List<String> header, Consumer<Consumer<List<String>>> rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file); CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            rows.accept(row -> {
                try {
                    csv.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private SplittableRandom random(int review, long salt) {
        // SplittableRandom's own mixing spreads neighbouring seeds apart.
        return new SplittableRandom(shape.seed() * 0x9E3779B97F4A7C15L + review * 0xBF58476D1CE4E5B9L + salt);
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static String scope(SplittableRandom random) {
        int n = random.nextInt(20);
        return n < 13 ? "Local" : n < 16 ? "Regional" : n < 17 ? "Regional – Area Team (NHS England)" : n < 19 ? "National" : "";
    }

    /** About 550 characters, with sub-items on their own lines in half of them (a., b., c.). */
    private static String recommendationText(SplittableRandom random, String body) {
        StringBuilder text = new StringBuilder(String.format(RECOMMENDATION_SENTENCES.get(random.nextInt(RECOMMENDATION_SENTENCES.size())),
                body));
        if (random.nextBoolean()) {
            int items = 2 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                text.append('\n').append((char) ('a' + i)).append(". ").append(SUB_ITEMS.get(random.nextInt(SUB_ITEMS.size())));
            }
        } else {
            text.append(' ').append(text(random, RECOMMENDATION_SENTENCES, 200, " ").replace("%s", body));
        }
        return text.toString();
    }

    private static String evidence(SplittableRandom random) {
        return random.nextInt(5) == 0 ? null : text(random, EVIDENCE_SENTENCES, 75, "\n• ");
    }

    private static String lead(SplittableRandom random) {
        return random.nextInt(10) == 0 ? LEADS.get(random.nextInt(LEADS.size())) : null;
    }

    /** Sentences joined until about {@code mean} characters (between a third and twice as long). */
    private static String text(SplittableRandom random, List<String> sentences, int mean, String separator) {
        int length = mean / 3 + random.nextInt(mean * 5 / 3);
        StringBuilder text = new StringBuilder(sentences.get(random.nextInt(sentences.size())));
        while (text.length() < length) {
            text.append(separator).append(sentences.get(random.nextInt(sentences.size())));
        }
        return text.toString();
    }

    /** Target dates as DHR plans write them (seed 001 and others), around the year the plan was made. */
    private static String targetDate(SplittableRandom random, int year) {
        int y = year + random.nextInt(2);
        String month = Month.of(1 + random.nextInt(12)).getDisplayName(TextStyle.FULL, Locale.UK);
        String shortMonth = month.substring(0, 3);
        String later = Month.of(1 + random.nextInt(12)).getDisplayName(TextStyle.FULL, Locale.UK);
        return switch (random.nextInt(24)) {
            case 0, 1, 2, 3, 4, 5 -> month + " " + y;
            case 6, 7, 8 -> (1 + random.nextInt(28)) + (random.nextBoolean() ? " st " : "th ") + month + " " + y;
            case 9 -> shortMonth + " " + y;
            case 10 -> "Ongoing";
            case 11 -> "TBC";
            case 12 -> "Within 3 months";
            case 13 -> "Completed";
            case 14 -> "a) Completed b)Completed c)" + String.format(Locale.ROOT, "%02d/%02d/%02d", 1 + random.nextInt(28),
                    1 + random.nextInt(12), y % 100);
            case 15 -> month + " " + y + "\n" + later + " " + (y + 1);
            case 16 -> month + " " + y + " On-going";
            case 17 -> month + " " + y + " (to allow for final recruiting of staff)";
            case 18 -> "Significant holiday dates";
            case 19 -> "Already in place\n" + month + " " + y;
            case 20 -> "By the " + (1 + random.nextInt(28)) + "." + (1 + random.nextInt(12)) + "." + (y % 100);
            case 21 -> (random.nextBoolean() ? "Autumn " : "Spring ") + y;
            case 22 -> "";
            default -> "24 th " + month + " " + y + ", " + later + " " + y + ", December " + y;
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String dateText(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
