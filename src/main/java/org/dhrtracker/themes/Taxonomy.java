package org.dhrtracker.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhrtracker.tabular.FileDigest;
import org.dhrtracker.tabular.Problem;

/**
 * The themes recommendations are coded against (seed 004's checklist: six areas and their
 * themes), each with the terms that tag a recommendation with it. Data, not code: the product's
 * own is {@code themes/taxonomy.csv}; a {@code HOME/themes/taxonomy.csv} replaces it.
 */
public record Taxonomy(List<Theme> themes) {

    static final String RESOURCE = "/themes/taxonomy.csv";
    private static final List<String> COLUMNS = List.of("Area", "Code", "Theme", "Terms");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{0,39}");

    /** A theme and the terms that tag a text with it. */
    public record Theme(String area, String code, String name, List<Term> terms) {

        boolean matches(Text text, Matchers matchers) {
            for (Term t : terms) {
                if (t.matches(text, matchers)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A term's expression and, for a phrase, the start every match has (its first word, folded; for
     * a /regex/ term, the letters it opens with after a \b, when it has no |), or null (another
     * /regex/ term, or a phrase starting with *). A term's expression is tried only
     * where its start is found in the folded text: from its look-behind on, the regex engine tries
     * every position of the text, and coding the country's recommendations that way took minutes.
     */
    public record Term(Pattern pattern, String start) {

        boolean matches(Text t, Matchers matchers) {
            String text = t.text();
            String folded = t.folded();
            if (start == null || folded.length() != text.length()) {
                return matchers.of(pattern, text).find();
            }
            // every match starts a word (after a look-behind or a \b): most terms' first letters start no word of a
            // given text, and looking that up once beats searching the whole text for each term
            if (!t.mayStartWord(start)) {
                return false;
            }
            int at = folded.indexOf(start);
            if (at < 0) {
                // most terms' start is in no given text: no matcher made (making one was a third of the coding)
                return false;
            }
            Matcher m = matchers.of(pattern, text);
            for (; at >= 0; at = folded.indexOf(start, at + 1)) {
                if (m.region(at, text.length()).lookingAt()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Each term's matcher, made once and reset for every text it is tried on: making one for every text was most of
     * what the tagging had left to cost. Transparent bounds, so that a match tried from a word start still sees the
     * character before it. For one thread.
     */
    public static final class Matchers {

        private final Map<Pattern, Matcher> byPattern = new IdentityHashMap<>();

        Matcher of(Pattern pattern, String text) {
            Matcher m = byPattern.get(pattern);
            if (m == null) {
                m = pattern.matcher(text).useTransparentBounds(true);
                byPattern.put(pattern, m);
                return m;
            }
            // the whole text as the region again; the bounds stay transparent
            return m.reset(text);
        }
    }

    /**
     * A text as the terms look at it: as written, folded ({@link #fold}), and the first three characters of every
     * position that starts a word (the text's start, or after a character that is neither letter nor digit) in a
     * small hashed filter. A match of a term with a start is at such a position: after its look-behind (no
     * letter or number before it) or its \b before letters.
     */
    public static final class Text {

        private static final int BITS = 4096;

        private final String text;
        private final String folded;
        private final long[] wordStarts = new long[BITS / 64];

        public Text(String text) {
            this.text = text;
            // one pass: each character folded as fold() does it, and a word start's three characters marked once folded
            char[] chars = text.toCharArray();
            boolean afterWord = false;
            boolean startBefore = false;
            boolean startTwoBefore = false;
            for (int p = 0; p < chars.length; p++) {
                char c = chars[p];
                if (Character.isSurrogate(c)) {
                    // folded by code point: its length may change, and every start is taken as possible
                    this.folded = fold(text);
                    Arrays.fill(wordStarts, -1L);
                    return;
                }
                chars[p] = foldChar(c);
                if (startTwoBefore) {
                    int bit = bucket(chars, p - 2);
                    wordStarts[bit >>> 6] |= 1L << bit;
                }
                // the boundary as the expressions see it, in the text as written
                startTwoBefore = startBefore;
                startBefore = !afterWord;
                afterWord = letterOrDigit(c);
            }
            this.folded = new String(chars);
        }

        /** {@link Character#isLetterOrDigit(char)}, ASCII without the tables: most of every text. */
        static boolean letterOrDigit(char c) {
            if (c < 128) {
                char lower = (char) (c | 0x20);
                return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9';
            }
            return Character.isLetterOrDigit(c);
        }

        String text() {
            return text;
        }

        String folded() {
            return folded;
        }

        /**
         * False only when no word of the text starts with these folded characters (a start shorter than three is
         * always looked for); true may be wrong, and the caller then looks.
         */
        boolean mayStartWord(String start) {
            if (start.length() < 3) {
                return true;
            }
            int bit = bucket(start, 0);
            return (wordStarts[bit >>> 6] & 1L << bit) != 0;
        }

        private static int bucket(String s, int at) {
            return bucket(s.charAt(at), s.charAt(at + 1), s.charAt(at + 2));
        }

        private static int bucket(char[] s, int at) {
            return bucket(s[at], s[at + 1], s[at + 2]);
        }

        private static int bucket(char a, char b, char c) {
            int h = (a * 31 + b) * 31 + c;
            return (h ^ h >>> 12) & BITS - 1;
        }
    }

    /**
     * The text with each character case-folded as the expressions compare them (upper, then lower
     * case, character by character, as Pattern's UNICODE_CASE does), so a match's first word is
     * found at the same place in it.
     */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isSurrogate(chars[i])) {
                StringBuilder folded = new StringBuilder(text.length());
                text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
                return folded.toString();
            }
            chars[i] = foldChar(chars[i]);
        }
        return new String(chars);
    }

    /** One character (not a surrogate) folded as {@link #fold} does. */
    private static char foldChar(char c) {
        if (c < 128) {
            // the same as below for ASCII, without the tables: most of every text
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The areas in order, each with its themes in order. */
    public Map<String, List<Theme>> byArea() {
        Map<String, List<Theme>> areas = new LinkedHashMap<>();
        themes.forEach(t -> areas.computeIfAbsent(t.area(), a -> new ArrayList<>()).add(t));
        return areas;
    }

    /**
     * The version of how terms match: raised whenever the product changes it (how a phrase or a /regex/ term is
     * tried), so that tags stored under the old rules are coded again.
     */
    static final String RULES_VERSION = "1";

    /**
     * What the rules' tags depend on, as 64 hex digits (SHA-256): each theme's code and its terms' expressions,
     * in order, and {@link #RULES_VERSION}. Stored with each recommendation's tags, which are used only while
     * the taxonomy in use has the same fingerprint. A theme's name or area changes no tag.
     */
    public String fingerprint() {
        StringBuilder rules = new StringBuilder("rules ").append(RULES_VERSION);
        for (Theme t : themes) {
            rules.append('\n').append(t.code());
            for (Term term : t.terms()) {
                rules.append('\t').append(term.pattern().flags()).append(' ').append(term.pattern().pattern());
            }
        }
        return FileDigest.sha256(rules.toString());
    }

    public Optional<Theme> theme(String code) {
        return themes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** HOME's own taxonomy file, which replaces the product's when it exists. */
    public static Path homeFile(Path home) {
        return home.resolve("themes").resolve("taxonomy.csv");
    }

    /** HOME's taxonomy when it has one, else the product's. */
    public static Taxonomy load(Path home) throws IOException {
        Path own = homeFile(home);
        if (Files.isRegularFile(own)) {
            try (Reader in = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
                return read(in, own.getFileName().toString());
            }
        }
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "taxonomy.csv");
        }
    }

    /** Reads a taxonomy file whole; any problem rejects it, naming row, column and reason. */
    public static Taxonomy read(Reader in, String fileName) throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        List<Problem> problems = new ArrayList<>();
        List<Theme> themes = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (!rows.isEmpty() && !rows.get(0).getParser().getHeaderNames().equals(COLUMNS)) {
            throw new TaxonomyException(List.of(Problem.ofFile(fileName, "the header must be " + String.join(",", COLUMNS))));
        }
        for (CSVRecord r : rows) {
            int row = (int) r.getRecordNumber() + 1;
            if (r.size() != COLUMNS.size()) {
                problems.add(new Problem(fileName, row, null, "expected " + COLUMNS.size() + " fields, found " + r.size()));
                continue;
            }
            String code = r.get("Code").strip();
            if (!CODE.matcher(code).matches()) {
                problems.add(new Problem(fileName, row, "Code", "a code is capital letters, digits and hyphens"));
            } else if (!codes.add(code)) {
                problems.add(new Problem(fileName, row, "Code", "code " + code + " appears twice"));
            }
            if (r.get("Area").isBlank()) {
                problems.add(new Problem(fileName, row, "Area", "the area is empty"));
            }
            if (r.get("Theme").isBlank()) {
                problems.add(new Problem(fileName, row, "Theme", "the theme's name is empty"));
            }
            List<Term> terms = new ArrayList<>();
            for (String term : r.get("Terms").split(";")) {
                if (!term.isBlank()) {
                    try {
                        terms.add(term(term.strip()));
                    } catch (PatternSyntaxException e) {
                        problems.add(new Problem(fileName, row, "Terms", "term " + term.strip() + " is not a valid expression: "
                                + e.getDescription()));
                    }
                }
            }
            themes.add(new Theme(r.get("Area").strip(), code, r.get("Theme").strip(), List.copyOf(terms)));
        }
        if (rows.isEmpty()) {
            problems.add(Problem.ofFile(fileName, "no themes"));
        }
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems);
        }
        return new Taxonomy(List.copyOf(themes));
    }

    /**
     * A term is a phrase matched without regard to case on word boundaries, where {@code *} at the
     * end of a word stands for any ending ("carer*": carer, carers); or, between slashes, a Java
     * regular expression ("/\bpolice\b(?! bail)/": police, but not police bail).
     */
    public static Pattern pattern(String term) {
        return term(term).pattern();
    }

    static Term term(String term) {
        if (term.length() > 2 && term.startsWith("/") && term.endsWith("/")) {
            String regex = term.substring(1, term.length() - 1);
            return new Term(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), regexStart(regex));
        }
        String start = term.split("[*\\s]", -1)[0];
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] parts = term.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[\\p{L}\\p{N}'’-]*");
            }
            regex.append(Pattern.quote(parts[i]).replace(" ", "\\E\\s+\\Q"));
        }
        return new Term(Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                start.isEmpty() ? null : fold(start));
    }

    private static final Pattern REGEX_START = Pattern.compile("\\\\b(\\p{L}+)");

    /**
     * The letters every match of a regular expression starts with, folded, when it plainly has some: it opens with
     * \b and letters, and has no | (an alternative could start otherwise). A letter a quantifier follows is not
     * among them. Null when fewer than three are left, or the expression is any other shape.
     */
    static String regexStart(String regex) {
        Matcher m = REGEX_START.matcher(regex);
        if (regex.contains("|") || !m.lookingAt()) {
            return null;
        }
        String letters = m.group(1);
        if (m.end() < regex.length() && "?*+{".indexOf(regex.charAt(m.end())) >= 0) {
            letters = letters.substring(0, letters.length() - 1);
        }
        return letters.length() < 3 ? null : fold(letters);
    }

    /** A taxonomy file with problems: nothing of it is used. */
    public static final class TaxonomyException extends IllegalArgumentException {

        private final List<Problem> problems;

        TaxonomyException(List<Problem> problems) {
            super(problems.stream().map(Problem::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
