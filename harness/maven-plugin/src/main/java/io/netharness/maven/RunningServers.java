package io.netharness.maven;

import io.netharness.proxy.api.AdminServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The servers {@code proxy-start} started for one project, kept in the plugin context Maven shares between the
 * plugin's goals, so that {@code proxy-stop} finds them. A JVM shutdown hook stops any left when the build ends
 * before {@code post-integration-test} (a compile error in between, Ctrl-C).
 *
 * <pre>{@code
 * RunningServers.in(getPluginContext()).add(server);
 * List<String> stopped = RunningServers.in(getPluginContext()).stopAll();
 * }</pre>
 */
final class RunningServers {
  private static final String KEY = RunningServers.class.getName();
  private final List<AdminServer> servers = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "netharness-proxy-stop");
  private boolean hooked;

  private RunningServers() {}

  static synchronized RunningServers in(Map<String, Object> pluginContext) {
    return (RunningServers) pluginContext.computeIfAbsent(KEY, key -> new RunningServers());
  }

  synchronized void add(AdminServer server) {
    servers.add(server);
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = true;
    }
  }

  /** Stops every server; returns their URLs. */
  synchronized List<String> stopAll() {
    List<String> urls = new ArrayList<>();
    for (AdminServer server : servers) {
      urls.add(server.url());
      server.close();
    }
    servers.clear();
    if (hooked && Thread.currentThread() != hook) {
      Runtime.getRuntime().removeShutdownHook(hook);
      hooked = false;
    }
    return urls;
  }
}
