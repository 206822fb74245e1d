package org.dhrtracker;

/**
 * Text from outside (an inbox file's name, a header an agency wrote) made safe for one log or
 * console line: control and invisible formatting characters are written as escapes, so a name
 * cannot start a forged log line, clear the terminal or reorder what is shown (bidi overrides).
 * Only for names and codes: narrative text is never logged at all.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                };
                default -> null;
            };
            if (escaped != null && s == null) {
                s = new StringBuilder(text.substring(0, i));
            }
            if (s != null) {
                s.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return s == null ? text : s.toString();
    }
}
