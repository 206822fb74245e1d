/**
 * Reading CSV and XLSX files row by row, finding columns by header, and reporting what is wrong
 * with a file as {@link org.dhrtracker.tabular.Problem}s that name file, row and column.
 */
package org.dhrtracker.tabular;
