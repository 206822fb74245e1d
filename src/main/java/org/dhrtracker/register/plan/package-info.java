/**
 * import-plan: reads the action plans partnerships really hold (Word tables, spreadsheets, the
 * tab-separated text of seed 001; layouts A and B of ../shared/domain.md) and turns them into the
 * register of a review, with the progress each plan reports.
 */
package org.dhrtracker.register.plan;
