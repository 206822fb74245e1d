/**
 * The monthly run (ingest, reconcile, report), the job definitions in jobs/ that say when it runs,
 * as at which date and which reports it produces, and serve: the long-running service that ingests
 * settled inbox files and runs the definitions on their schedules, one instance of a job at a time.
 */
package org.dhrtracker.schedule;
