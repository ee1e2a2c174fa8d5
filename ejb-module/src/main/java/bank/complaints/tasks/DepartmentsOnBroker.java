package bank.complaints.tasks;

import bank.complaints.common.RuleViolationException;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentCode;
import bank.complaints.department.Departments;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each department on the broker, made from the department table (issue 21): its task queue, with
 * the rights broker.xml gives the first departments (the platform does everything, the department's
 * system, role {@code dept-<CODE>}, takes its own tasks and browses them), and, where the platform
 * keeps the broker's users ({@code complaints.broker.department-users=platform}), its system's
 * broker user {@code dept-<CODE>} with a password drawn here and shown once. Queues are checked at
 * every start for a department whose queue the broker lacks. Everything goes through the broker's
 * management address as the platform's broker user: queues and rights are kept in the broker's
 * journal, which a backup replicates; users are written to the broker's user file, which a pair
 * shares (scripts/runtime.sh), or, with {@code directory}, come from the bank's directory.
 *
 * <p>Runs outside any transaction: a management request must reach the broker before its answer is
 * awaited, where a transacted session would hold it until the commit.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepartmentsOnBroker {

  private static final Logger LOG = Logger.getLogger(DepartmentsOnBroker.class.getName());

  private static final String PLATFORM = "complaints";

  /** Every department system's role for sending results (broker.xml, complaints.results). */
  private static final String DEPARTMENTS_ROLE = "departments";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Inject Departments departments;

  /**
   * A department system's broker user is this prefix and its code: the name by which the results
   * listener knows which department sent a result.
   */
  @Inject
  @ConfigProperty(name = "complaints.tasks.department-sender-prefix")
  String userPrefix;

  /** Who keeps the department systems' broker users: {@code platform} or {@code directory}. */
  @Inject
  @ConfigProperty(name = "complaints.broker.department-users", defaultValue = "platform")
  String departmentUsers;

  @PostConstruct
  void atStart() {
    try {
      for (Department department : departments.all()) {
        provide(department.taskQueue(), department.code());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Department queues not checked at start (the broker away?)", e);
    }
  }

  /** Whether the platform makes the department systems' broker users. */
  public boolean keepsUsers() {
    return "platform".equals(departmentUsers);
  }

  /**
   * A department's system's login to the broker with a new password, shown once: made, or, for a
   * department that has one, replaced: the old password is refused from then on (connections
   * already open with it keep working until they close).
   */
  public BrokerLogin newLogin(DepartmentCode code, String queue) {
    if (!keepsUsers()) {
      throw new RuleViolationException(
          "The department systems' broker users come from the bank's directory here"
              + " (complaints.broker.department-users=directory).");
    }
    provide(queue, code);
    String user = userPrefix + code.value();
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String roles = "dept-" + code.value() + "," + DEPARTMENTS_ROLE; // broker.xml's roles
    Answer added = ask("addUser", user, password, roles, false);
    if (!added.succeeded()) {
      require(ask("resetUser", user, password, roles, false), "resetUser");
      // the broker remembers logins it accepted for a while: the old password ends now
      invoke("clearAuthenticationCache");
    }
    LOG.info(() -> "Broker user " + user + " given a new password");
    return new BrokerLogin(user, password, queue);
  }

  /** Makes the queue and its rights, unless the broker has the queue's address already. */
  public void provide(String queue, DepartmentCode code) {
    if (exists(queue)) {
      return; // broker.xml has it, or it was made before
    }
    invoke("createAddress", queue, "ANYCAST");
    invoke(
        "createQueue",
        Json.createObjectBuilder()
            .add("name", queue)
            .add("address", queue)
            .add("routing-type", "ANYCAST")
            .add("durable", true)
            .build()
            .toString(),
        true);
    String readers = PLATFORM + ",dept-" + code.value();
    invoke(
        "addSecuritySettings",
        queue,
        PLATFORM, // send
        readers, // consume
        PLATFORM, // createDurableQueue
        PLATFORM, // deleteDurableQueue
        PLATFORM, // createNonDurableQueue
        PLATFORM, // deleteNonDurableQueue
        PLATFORM, // manage
        readers, // browse
        PLATFORM, // createAddress
        PLATFORM); // deleteAddress
    LOG.info(
        () ->
            "Made the task queue " + queue + " for department " + code.value() + " on the broker");
  }

  /** Whether the broker has the queue: naming one it lacks is refused. */
  private boolean exists(String queue) {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      session.createBrowser(session.createQueue(queue)).getEnumeration().hasMoreElements();
      return true;
    } catch (InvalidDestinationException e) {
      return false;
    } catch (JMSException e) {
      // Artemis, not creating queues on demand here, answers "There is no queue with name …"
      if (String.valueOf(e.getMessage()).contains("no queue")) {
        return false;
      }
      throw new IllegalStateException("the broker is out of reach", e);
    }
  }

  /** Invokes an operation of the broker's management; refused, it is an exception. */
  private void invoke(String operation, Object... parameters) {
    require(ask(operation, parameters), operation);
  }

  private static void require(Answer answer, String operation) {
    if (!answer.succeeded()) {
      throw new IllegalStateException(operation + " refused by the broker: " + answer.text());
    }
  }

  /** The broker's answer to a management request. */
  private record Answer(boolean succeeded, String text) {}

  /** Sends an operation to the broker's management and waits for its answer. */
  private Answer ask(String operation, Object... parameters) {
    JsonArrayBuilder arguments = Json.createArrayBuilder();
    for (Object parameter : parameters) {
      if (parameter instanceof Boolean b) {
        arguments.add(b);
      } else {
        arguments.add(String.valueOf(parameter));
      }
    }
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      Queue management = session.createQueue("activemq.management");
      TemporaryQueue reply = session.createTemporaryQueue();
      TextMessage ask = session.createTextMessage(arguments.build().toString());
      ask.setStringProperty("_AMQ_ResourceName", "broker");
      ask.setStringProperty("_AMQ_OperationName", operation);
      ask.setJMSReplyTo(reply);
      connection.start();
      session.createProducer(management).send(ask);
      try (MessageConsumer answers = session.createConsumer(reply)) {
        Message answer = answers.receive(10_000);
        if (answer == null) {
          throw new IllegalStateException("the broker did not answer " + operation);
        }
        return new Answer(
            answer.getBooleanProperty("_AMQ_OperationSucceeded"),
            answer instanceof TextMessage text ? text.getText() : String.valueOf(answer));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("the broker's management is out of reach", e);
    }
  }
}
