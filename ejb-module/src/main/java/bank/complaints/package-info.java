/**
 * The complaint-handling platform: one package per business capability, each holding its model and
 * service first and the adapters beside them, in layers (README, "Where to change what"): the
 * foundation, the reference data a bank configures, the complaint kernel, what a case leaves
 * behind, the capabilities, and the use cases on top. {@code PackageRulesTest} keeps the layers.
 */
package bank.complaints;
