/**
 * The monthly run (ingest, reconcile, report) and the job definitions in jobs/ that say when it
 * runs, as at which date, and which reports it produces.
 */
package org.dhrtracker.schedule;
