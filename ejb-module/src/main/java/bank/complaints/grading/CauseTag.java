package bank.complaints.grading;

/**
 * R-G3: the typical causes a complaint is tagged with for root-cause analysis. Grading rules may
 * propose them at intake; staff set them as the investigation learns more.
 */
public enum CauseTag {
  BUSINESS_PROCESSING_ERROR,
  /** The lobby manager and the teller said different things. */
  INCONSISTENT_ANSWERS,
  LONG_WAIT_SIMPLE_BUSINESS,
  LONG_WAIT_COMPLEX_BUSINESS,
  IDLE_COUNTERS_NOT_CALLING,
  CLOSED_COUNTERS,
  OTHER
}
