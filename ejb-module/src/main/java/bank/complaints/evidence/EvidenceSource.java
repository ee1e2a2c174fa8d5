package bank.complaints.evidence;

/** R-I5: who provided an item. */
public enum EvidenceSource {
  CUSTOMER,
  BANK
}
