/** Notices to customers (R-I7, R-P3), sent through the bank's gateways by queue. */
package bank.complaints.notification;
