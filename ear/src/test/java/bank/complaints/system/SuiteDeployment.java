package bank.complaints.system;

import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the EAR once for the whole suite instead of once per test class.
 *
 * <p>Every system test deploys the same archive (the build's EAR, {@link SystemTest}), and drives
 * it from outside; deploying and undeploying it around each of ~30 classes cost about two minutes
 * of a run and tested nothing. The first class's deployment goes through as Arquillian does it; the
 * later classes' deployments and every undeployment are not forwarded. The application stays
 * deployed for the whole suite; the build's {@code stop-runtime} step undeploys it and stops the
 * domain (Arquillian connects to the domain the build started and leaves it running). Registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public class SuiteDeployment implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(OnceForTheSuite.class);
  }

  /** Lets the first deployment through and no other, and no undeployment. */
  public static class OnceForTheSuite {

    private static volatile boolean deployed;

    public void deploy(@Observes EventContext<DeployManagedDeployments> event) {
      if (!deployed) {
        event.proceed();
        deployed = true;
      }
    }

    public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
      // kept deployed: the next class uses the same application
    }
  }
}
