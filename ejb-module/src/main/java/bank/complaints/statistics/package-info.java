/**
 * R-M1, R-M4: statistics and performance indicators. Every change to a case marks it; a refresher
 * derives the case's figures ({@link bank.complaints.statistics.CaseFacts}) from its rows and adds
 * the difference into day rollups per dimension, which the reports read.
 */
package bank.complaints.statistics;
