package bank.complaints.tasks;

/**
 * What a department's system logs in to the broker with, and the queue it reads. The password is
 * shown once, to the administrator who asked for it: never stored by the platform, logged or
 * audited (the broker keeps only its salted hash).
 */
public record BrokerLogin(String user, String password, String queue) {

  @Override
  public String toString() {
    return "BrokerLogin[" + user + ", " + queue + "]";
  }
}
