/** Version 1 of the API: its resources and the DTOs they exchange. */
package bank.complaints.api.v1;
