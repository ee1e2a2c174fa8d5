/** What the capabilities stand on: the database migrations, the clock and the bank's time zone. */
package bank.complaints.platform;
