package bank.complaints.complaint;

import bank.complaints.common.NotFoundException;

public class ComplaintNotFoundException extends NotFoundException {

  public ComplaintNotFoundException(String number) {
    super("No complaint " + number + " is registered.");
  }
}
