/**
 * The transactional outbox: messages are rows written in the business transaction and published to
 * Artemis after commit by one relay, stamped with a duplicate-detection id, so a crash of the
 * server or the broker loses no message and sends none twice
 * (docs/adr/0001-transactional-outbox.md).
 */
package bank.complaints.outbox;
