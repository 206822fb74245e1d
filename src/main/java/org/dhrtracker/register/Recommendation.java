package org.dhrtracker.register;

import java.util.List;

/**
 * A numbered recommendation of a review. Its identity within the review is source + owning body
 * + number, because IMR numbering restarts for each agency.
 */
public record Recommendation(
        Source source,
        String owningBody,
        String number,
        Scope scope,
        String scopeAsWritten,
        String text,
        List<SubItem> subItems) {

    /** One lettered or numbered part of a recommendation: "a", "b", "a.i". */
    public record SubItem(String label, String text) {
    }

    public String key() {
        return source + "|" + owningBody + "|" + number;
    }
}
