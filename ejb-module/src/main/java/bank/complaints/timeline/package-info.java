/** The case timeline (R-P3, R-S3): every step of a case with who, when and why. */
package bank.complaints.timeline;
