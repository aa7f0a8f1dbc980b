package io.netharness.maven;

import io.netharness.HarnessException;
import io.netharness.faults.internal.ProxyWarmUp;
import io.netharness.proxy.api.AdminServer;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * Goal {@code proxy-start}: starts an embedded Toxiproxy-compatible server (the HTTP API of Toxiproxy 2.12 over
 * NetHarness's fault proxies) in {@code pre-integration-test}, creates the proxies and toxics of an optional
 * {@code /populate}-format file, and exports its URL as the project property {@code netharness.toxiproxy.url} (and
 * its port as {@code netharness.toxiproxy.port}) for the tests. {@code proxy-stop} stops it.
 *
 * <pre>{@code
 * <execution>
 *   <id>toxiproxy</id>
 *   <goals><goal>proxy-start</goal><goal>proxy-stop</goal></goals>
 *   <configuration><config>src/it/toxiproxy.json</config></configuration>
 * </execution>
 * }</pre>
 *
 * <p>The file is what {@code toxiproxy-server -config} reads, plus an optional {@code toxics} array per proxy in the
 * API's toxic JSON: {@code [{"name":"db","listen":"127.0.0.1:0","upstream":"127.0.0.1:5432",
 * "toxics":[{"type":"latency","attributes":{"latency":200}}]}]}.
 */
@Mojo(name = "proxy-start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public final class ProxyStartMojo extends AbstractMojo {
  /** The address the API listens on: loopback unless you name another. */
  @Parameter(property = "netharness.proxy.host", defaultValue = "127.0.0.1")
  private String host = "127.0.0.1";

  /** The API port; 0 (the default) takes a free one, so parallel builds never collide. Toxiproxy's own is 8474. */
  @Parameter(property = "netharness.proxy.port", defaultValue = "0")
  private int port;

  /** Proxies (and toxics) to create at start, in Toxiproxy's {@code /populate} format. */
  @Parameter(property = "netharness.proxy.config")
  private @Nullable File config;

  /** The project property that receives the API's URL. */
  @Parameter(property = "netharness.proxy.urlProperty", defaultValue = "netharness.toxiproxy.url")
  private String urlProperty = "netharness.toxiproxy.url";

  /**
   * Runs the proxy's data path through a throwaway proxy on loopback before the tests start (about four seconds, at most seven), as
   * {@code netharness proxy} does: the first connections and a latency toxic's first round trips then do not run
   * interpreted. {@code -Dnetharness.proxy.warmUp=false} skips it.
   */
  @Parameter(property = "netharness.proxy.warmUp", defaultValue = "true")
  private boolean warmUp = true;

  /** Skips {@code proxy-start} and {@code proxy-stop}. */
  @Parameter(property = "netharness.proxy.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private @Nullable MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("netharness:proxy-start is skipped");
      return;
    }
    if (port < 0 || port > 65535) {
      throw new MojoFailureException("Bad netharness:proxy-start configuration: <port> must be 0-65535, not " + port
          + "; leave it out (0 takes a free port) or set <port>8474</port>");
    }
    if (config != null && !config.isFile()) {
      throw new MojoFailureException("Bad netharness:proxy-start configuration: <config> " + config
          + " does not exist; name a JSON file in Toxiproxy's /populate format, e.g. src/it/toxiproxy.json");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> context = getPluginContext();
    RunningServers servers = RunningServers.in(context);
    AdminServer server;
    try {
      server = AdminServer.builder().host(host).port(port).build().start();
    } catch (HarnessException e) {
      throw new MojoExecutionException("netharness:proxy-start cannot listen on " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
    try {
      if (config != null) {
        for (String line : new PopulateFile(config.toPath()).applyTo(server.url())) {
          getLog().info("  " + line);
        }
      }
    } catch (MojoFailureException | RuntimeException e) {
      server.close();
      throw e;
    }
    servers.add(server);
    if (warmUp) {
      warmUp();
    }
    requireProject().getProperties().setProperty(urlProperty, server.url());
    requireProject().getProperties().setProperty("netharness.toxiproxy.port", Integer.toString(server.getPort()));
    getLog().info("Toxiproxy API on " + server.url() + " (${" + urlProperty + "})");
  }

  private void warmUp() {
    try {
      getLog().info("data path warmed up in " + ProxyWarmUp.run(ProxyWarmUp.DEFAULT_ROUND_TRIPS).took().toMillis()
          + " ms (-Dnetharness.proxy.warmUp=false skips this)");
    } catch (RuntimeException e) {
      getLog().warn("netharness:proxy-start: warm-up skipped: " + e.getMessage() + " (the proxy runs anyway)");
    }
  }

  private MavenProject requireProject() {
    if (project == null) {
      throw new IllegalStateException("no Maven project injected");
    }
    return project;
  }
}
