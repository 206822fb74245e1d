/**
 * Intake of agency progress returns and the coordinator's sign-off files dropped in the inbox: each
 * file is checked whole, then applied in one transaction and archived, or rejected with its reasons
 * and changes nothing.
 */
package org.dhrtracker.intake;
