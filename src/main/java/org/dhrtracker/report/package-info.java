/**
 * Reports: the board progress report (Jasper PDF from templates/) and the master workbook (POI),
 * both laid out from one {@link org.dhrtracker.report.ReportData} loaded from the database.
 */
package org.dhrtracker.report;
