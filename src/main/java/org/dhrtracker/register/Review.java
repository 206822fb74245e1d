package org.dhrtracker.register;

/** A Domestic Homicide Review, owned by a Community Safety Partnership. */
public record Review(String id, String partnership, String partnershipName, String title) {
}
