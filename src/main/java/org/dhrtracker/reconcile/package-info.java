/**
 * Reconciliation: each action's status and RAG as at a date, from the register and the returns
 * received up to that date. Any past date can be recomputed exactly.
 */
package org.dhrtracker.reconcile;
