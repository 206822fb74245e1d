package org.dhrtracker.reconcile;

/** Red / Amber / Green rating. Always printed as the word: boards must not depend on colour. */
public enum Rag {
    GREEN("Green"), AMBER("Amber"), RED("Red");

    private final String word;

    Rag(String word) {
        this.word = word;
    }

    /** Written once: the national workbook prints one for each of a month's actions. */
    public String word() {
        return word;
    }
}
