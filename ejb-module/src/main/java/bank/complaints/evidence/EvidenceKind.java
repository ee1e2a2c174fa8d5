package bank.complaints.evidence;

/** R-I5: what an item is. */
public enum EvidenceKind {
  /** From the customer. */
  TRANSACTION_SCREENSHOT,
  RECORDING,
  VIDEO_LINK,
  PHOTO,
  DOCUMENT_COPY,
  /** From the bank. */
  BUSINESS_LOG,
  SYSTEM_SCREENSHOT,
  CCTV,
  OTHER
}
