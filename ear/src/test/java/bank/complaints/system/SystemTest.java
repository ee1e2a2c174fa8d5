package bank.complaints.system;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole-system test: deploys the EAR the build produced (exactly what operations deploy) into the
 * managed Payara, and drives it from outside (testable = false) over HTTP, JMS and JDBC.
 */
@ExtendWith(ArquillianExtension.class)
abstract class SystemTest {

  @Deployment(testable = false)
  static EnterpriseArchive application() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, Runtime.ear().toFile());
  }
}
