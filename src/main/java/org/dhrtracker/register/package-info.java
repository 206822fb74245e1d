/**
 * The register: reviews, their recommendations and the agencies' actions, imported from the
 * canonical register file by the import-register job.
 */
package org.dhrtracker.register;
