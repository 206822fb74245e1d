/**
 * Intake of agency progress returns dropped in the inbox: each file is checked whole, then applied
 * in one transaction and archived, or rejected with its reasons and changes nothing.
 */
package org.dhrtracker.intake;
