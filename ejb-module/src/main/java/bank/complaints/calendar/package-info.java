/**
 * The bank's business calendar (R-CAL): working hours, public holidays and make-up working days,
 * and the working-time arithmetic every deadline measured in working hours or days rests on.
 */
package bank.complaints.calendar;
