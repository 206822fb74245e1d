package org.dhrtracker.register;

import java.util.Locale;
import java.util.Optional;

/** How far a recommendation reaches. Plans write it freely ("Regional – Area Team (…)"). */
public enum Scope {
    LOCAL, REGIONAL, NATIONAL;

    /** The scope a written text starts with; empty for blank; throws for anything else. */
    public static Optional<Scope> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (Scope s : values()) {
            if (t.startsWith(s.name())) {
                return Optional.of(s);
            }
        }
        throw new IllegalArgumentException("scope must start with Local, Regional or National");
    }

    public String word() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
