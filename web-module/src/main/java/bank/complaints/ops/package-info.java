/** What operations watch: readiness of the database and the broker (MicroProfile Health). */
package bank.complaints.ops;
