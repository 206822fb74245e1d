package org.dhrtracker.register.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plain text of a cell that may carry HTML, as exported from web forms into action plans
 * (seed 001): paragraphs, line breaks and list items each on a line of their own, inline
 * formatting dropped where it stands ("31 &lt;sup&gt;st&lt;/sup&gt;" becomes "31 st"), entities decoded.
 * List items keep their text as written: no bullets or letters are added, so "a." and "i." at a
 * line start are the author's own.
 */
public final class HtmlCellText {

    private static final Pattern TAG = Pattern.compile("<!--.*?-->|</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});");
    private static final Pattern TAG_NAME = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0\\u2007\\u202f]+");

    /**
     * A horizontal rule (&lt;hr&gt;) as a line of its own. Exports use rules to stack several rows in
     * one cell (seed 001, recommendation 26: HARMONI, then SWFT, then Children's Services), so the
     * interpreter needs to see where they are.
     */
    public static final String RULE = "\u2014\u2014\u2014";

    /** Tags that start a new line; all other tags are inline and simply vanish. */
    private static final Set<String> BLOCKS = Set.of("p", "br", "div", "li", "ul", "ol", "hr", "tr", "td", "th",
            "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt");

    /** Named entities that occur in exported documents; unknown ones are left as written. */
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("rsquo", "\u2019"), Map.entry("lsquo", "\u2018"),
            Map.entry("rdquo", "\u201d"), Map.entry("ldquo", "\u201c"), Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"), Map.entry("hellip", "\u2026"), Map.entry("bull", "\u2022"),
            Map.entry("pound", "\u00a3"), Map.entry("euro", "\u20ac"), Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("deg", "\u00b0"),
            Map.entry("frac12", "\u00bd"), Map.entry("eacute", "\u00e9"), Map.entry("middot", "\u00b7"),
            Map.entry("sup2", "\u00b2"), Map.entry("shy", ""), Map.entry("zwsp", ""));

    private HtmlCellText() {
    }

    /** The cell's plain text; a cell without tags or entities is only trimmed; null becomes "". */
    public static String toText(String cell) {
        if (cell == null) {
            return "";
        }
        if (!TAG.matcher(cell).find() && !ENTITY.matcher(cell).find()) {
            return cell.strip();
        }
        // Tags out first, entities decoded after, so "&lt;b&gt;" stays text.
        StringBuilder text = new StringBuilder();
        Matcher tag = TAG.matcher(cell);
        int from = 0;
        while (tag.find()) {
            text.append(decodeEntities(cell.substring(from, tag.start())));
            Matcher name = TAG_NAME.matcher(tag.group());
            if (name.lookingAt() && name.group(1).equalsIgnoreCase("hr")) {
                text.append('\n').append(RULE).append('\n');
            } else if (name.lookingAt() && BLOCKS.contains(name.group(1).toLowerCase(Locale.ROOT))) {
                text.append('\n');
            }
            from = tag.end();
        }
        text.append(decodeEntities(cell.substring(from)));
        // A line break typed in a spreadsheet cell is a line the reader sees, so it stays one.
        return text.toString().lines()
                .map(line -> SPACES.matcher(line).replaceAll(" ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static String decodeEntities(String s) {
        return ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }

    private static String decode(String entity, String asWritten) {
        if (entity.charAt(0) != '#') {
            return ENTITIES.getOrDefault(entity, asWritten);
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (code == 0xa0) {
            return " ";
        }
        return Character.isValidCodePoint(code) && code > 0 ? Character.toString(code) : asWritten;
    }
}
