package bank.complaints.insight;

import java.util.List;

/**
 * R-X2: on {@code complaints.incidents}, for the mass-complaint task force (operations management,
 * customer service centre and the business line): an incident opened, or closed.
 */
public record IncidentMessageV1(
    int schemaVersion,
    long incidentId,
    String kind,
    String channel,
    String category,
    String products,
    List<String> complaintNumbers,
    List<String> taskForce,
    String at) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "complaints.incident";
  public static final String QUEUE = "complaints.incidents";
}
