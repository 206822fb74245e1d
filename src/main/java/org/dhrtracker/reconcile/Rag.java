package org.dhrtracker.reconcile;

/** Red / Amber / Green rating. Always printed as the word: boards must not depend on colour. */
public enum Rag {
    GREEN, AMBER, RED;

    public String word() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
