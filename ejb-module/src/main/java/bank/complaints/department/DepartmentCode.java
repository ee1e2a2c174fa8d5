package bank.complaints.department;

import java.util.Objects;
import java.util.regex.Pattern;

/** A department's code, e.g. {@code CSC} or {@code RETAIL_LENDING}. */
public record DepartmentCode(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

  public DepartmentCode {
    Objects.requireNonNull(value, "department code");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a department code: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
