package bank.complaints.tasks;

import bank.complaints.department.Department;
import bank.complaints.department.DepartmentAdded;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each department's task queue on the broker, made from the department table (issue 21): at start
 * for every department whose queue the broker lacks, and when a department is added, after its
 * transaction commits. The queue is made through the broker's management address (as the platform's
 * broker user), with the rights broker.xml gives the first departments: the platform does
 * everything, the department's system (role {@code dept-<CODE>}) takes its own tasks. Queue and
 * rights are kept in the broker's journal, which a backup replicates. The department system's
 * broker user itself comes from the bank's directory (locally, {@code scripts/runtime.sh}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepartmentQueues {

  private static final Logger LOG = Logger.getLogger(DepartmentQueues.class.getName());

  private static final String PLATFORM = "complaints";

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Inject Departments departments;

  @PostConstruct
  void atStart() {
    try {
      for (Department department : departments.all()) {
        provide(department.taskQueue(), department.code().value());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Department queues not checked at start (the broker away?)", e);
    }
  }

  /** A department added: its queue, once the department is committed. */
  public void added(@Observes(during = TransactionPhase.AFTER_SUCCESS) DepartmentAdded event) {
    try {
      provide(event.taskQueue(), event.code().value());
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Department "
              + event.code().value()
              + " added, its queue not made on the broker; it is made at the next start",
          e);
    }
  }

  /** Makes the queue and its rights, unless the broker has the queue's address already. */
  void provide(String queue, String code) {
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
    String readers = PLATFORM + ",dept-" + code;
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
    LOG.info(() -> "Made the task queue " + queue + " for department " + code + " on the broker");
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
        if (!answer.getBooleanProperty("_AMQ_OperationSucceeded")) {
          throw new IllegalStateException(
              operation
                  + " refused by the broker: "
                  + (answer instanceof TextMessage text ? text.getText() : answer));
        }
      }
    } catch (JMSException e) {
      throw new IllegalStateException("the broker's management is out of reach", e);
    }
  }
}
