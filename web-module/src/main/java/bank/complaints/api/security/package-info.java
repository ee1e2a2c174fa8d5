/**
 * R-S1: who may call what. Callers authenticate with a bearer token (MicroProfile JWT) from the
 * bank's identity provider; its {@code groups} are {@link bank.complaints.api.security.Role}s and
 * its {@code channel} / {@code department} claims scope channel systems and department staff. Every
 * resource method names its roles with {@link bank.complaints.api.security.Allowed}; {@link
 * bank.complaints.api.security.AccessControl} enforces them, and the case scope, in one place.
 */
package bank.complaints.api.security;
