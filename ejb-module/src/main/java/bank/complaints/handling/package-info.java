/** The steps staff take on a case and the clocks they start, stop, pause and extend. */
package bank.complaints.handling;
