package bank.complaints.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Records a configuration change once the change itself has succeeded. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedInterceptor {

  @Inject AuditLog audit;

  @AroundInvoke
  Object record(InvocationContext call) throws Exception {
    Object result = call.proceed();
    String what =
        call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
    // Payara gives null, not an empty array, for a method without parameters.
    Object[] parameters = call.getParameters() == null ? new Object[0] : call.getParameters();
    String arguments =
        Arrays.stream(parameters).map(AuditedInterceptor::brief).collect(Collectors.joining(", "));
    audit.record(AuditLog.CONFIGURATION_CHANGED, what, null, what + "(" + arguments + ")");
    return result;
  }

  /**
   * Keys such as a year, a stage, a code or a typed identifier in full; bulky values as their kind.
   */
  private static String brief(Object argument) {
    if (argument == null) {
      return "null";
    }
    if (argument instanceof Number
        || argument instanceof Enum<?>
        || argument instanceof CharSequence) {
      String text = argument.toString();
      return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
    if (argument instanceof Record key) {
      // a typed identifier (DepartmentCode, ComplaintNumber, ComplaintId …: one component, value)
      var components = key.getClass().getRecordComponents();
      if (components.length == 1 && components[0].getName().equals("value")) {
        try {
          return brief(components[0].getAccessor().invoke(key));
        } catch (ReflectiveOperationException e) {
          return key.getClass().getSimpleName();
        }
      }
    }
    if (argument instanceof java.util.Collection<?> items) {
      return items.size() + " items";
    }
    return argument.getClass().getSimpleName();
  }
}
