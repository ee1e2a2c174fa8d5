package bank.complaints.caseprocess;

import bank.complaints.common.DomainException;
import bank.complaints.outbox.Outbox;
import bank.complaints.outbox.OutboxPublisher;
import bank.complaints.outbox.OutgoingMessage;
import bank.complaints.platform.Failures;
import bank.complaints.tasks.ResultSender;
import bank.complaints.tasks.Satisfaction;
import bank.complaints.tasks.TaskResultV1;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes departments' results off {@code complaints.results}. The result is applied in a transaction
 * of its own and is idempotent by task id, so a redelivery after a crash changes nothing. A result
 * that can never apply (not JSON, unknown task, a conflicting second result, a sender who may not
 * report it) is dead-lettered at once with the reason and its sender, where operations see and
 * replay it. A failure that waiting cures (the database away: {@link Failures}) rolls back and the
 * broker redelivers with back-off for as long as it lasts (broker.xml gives complaints.results no
 * delivery limit), so no result is dead-lettered for a passing cause; any other failure is retried
 * {@code complaints.tasks.result-attempts} times, then dead-lettered.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "complaints-artemis-ra"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = TaskResultV1.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      // The adapter's ReconnectAttempts=0 (ra.xml) is for the outbound pool, whose callers retry;
      // an inbound session with it is dead for good once the broker goes away (kill -9, restart,
      // failover): the adapter does not set it up again. Inbound sessions reconnect, without end.
      @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "retryInterval", propertyValue = "1000")
    })
public class TaskResultListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(TaskResultListener.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  /** The dead-letter address of jms-config broker.xml. */
  static final String DEAD_LETTERS = "complaints.DLQ";

  /** The sender the broker authenticated (populate-validated-user in broker.xml). */
  static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

  private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

  @Inject TaskResults results;

  @Inject
  @ConfigProperty(name = "complaints.tasks.department-sender-prefix")
  String departmentPrefix;

  @Inject
  @ConfigProperty(name = "complaints.tasks.platform-senders")
  List<String> platformUsers;

  @Inject Outbox outbox;

  /** How often a result that fails for no known passing cause is tried before it is set aside. */
  @Inject
  @ConfigProperty(name = "complaints.tasks.result-attempts")
  int attempts;

  @Override
  public void onMessage(Message message) {
    String body;
    try {
      body = message instanceof TextMessage text ? text.getText() : null;
    } catch (JMSException e) {
      throw new EJBException(e);
    }
    ResultSender sender;
    int deliveries;
    try {
      sender =
          ResultSender.of(
              message.getStringProperty(VALIDATED_USER),
              message.getStringProperty(OutboxPublisher.ORIGINAL_SENDER),
              departmentPrefix,
              Set.copyOf(platformUsers));
      deliveries =
          message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1;
    } catch (JMSException e) {
      throw new EJBException(e);
    }
    try {
      TaskResultV1 result = parse(body);
      results.taskCompletedFromQueue(
          result.taskId(),
          result.outcome(),
          result.satisfaction() == null ? null : Satisfaction.valueOf(result.satisfaction()),
          result.problemSolved(),
          result.by(),
          sender);
    } catch (IllegalArgumentException | JsonbException e) {
      deadLetter(body, "not a valid task result: " + e.getMessage(), sender);
    } catch (RuntimeException e) {
      // The container may hand over the domain's refusal as it is or wrapped in an EJBException.
      DomainException refused = refusal(e);
      if (refused != null) {
        deadLetter(body, refused.getMessage(), sender);
      } else if (Failures.isTransient(e) || deliveries < attempts) {
        throw e; // roll back: the broker redelivers after its back-off
      } else {
        deadLetter(
            body,
            "not applied after " + deliveries + " attempts: " + Failures.rootCause(e),
            sender);
      }
    }
  }

  private static DomainException refusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException refused) {
        return refused;
      }
    }
    return null;
  }

  private static TaskResultV1 parse(String body) {
    if (body == null) {
      throw new IllegalArgumentException("not a text message");
    }
    TaskResultV1 result = JSON.fromJson(body, TaskResultV1.class);
    if (result == null
        || result.taskId() == null
        || result.outcome() == null
        || result.outcome().isBlank()
        || result.by() == null
        || result.by().isBlank()) {
      throw new IllegalArgumentException("taskId, outcome and by are required");
    }
    if (result.outcome().length() > 2000 || result.by().length() > 100) {
      throw new IllegalArgumentException("outcome has at most 2000 characters, by 100");
    }
    return result;
  }

  private void deadLetter(String body, String reason, ResultSender sender) {
    LOG.warning(() -> "Task result dead-lettered: " + reason);
    outbox.enqueue(
        new OutgoingMessage(
            DEAD_LETTERS,
            TaskResultV1.TYPE,
            TaskResultV1.SCHEMA_VERSION,
            null,
            body == null ? "" : body.length() > 16000 ? body.substring(0, 16000) : body,
            TaskResultV1.QUEUE,
            reason,
            sender.user()));
  }
}
