package io.netharness.maven;

import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goal {@code proxy-stop}: stops the servers {@code proxy-start} started in this project, with every proxy and
 * connection they hold. Bound to {@code post-integration-test}, it runs before {@code verify} fails the build for a
 * failed scenario, so the ports are free again whatever the tests did.
 *
 * <pre>{@code
 * <execution>
 *   <goals><goal>proxy-start</goal><goal>proxy-stop</goal></goals>
 * </execution>
 * }</pre>
 */
@Mojo(name = "proxy-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public final class ProxyStopMojo extends AbstractMojo {
  /** Skips {@code proxy-start} and {@code proxy-stop}. */
  @Parameter(property = "netharness.proxy.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() {
    if (skip) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> context = getPluginContext();
    for (String url : RunningServers.in(context).stopAll()) {
      getLog().info("Toxiproxy API on " + url + " stopped");
    }
  }
}
