package io.netharness.features;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.netharness.proxy.api.AdminServer;
import org.jspecify.annotations.Nullable;

/**
 * Lets the feature suite run on the "toxiproxy" backend without a Toxiproxy binary: with
 * {@code -Dnetharness.faults=toxiproxy -Dnetharness.toxiproxy.url=in-process}, an embedded
 * Toxiproxy-compatible API server is started here and the toxiproxy backend ({@code ToxiproxyApi}
 * over HTTP) drives it. Point the URL at a real toxiproxy-server to run against the real thing.
 */
public final class InProcessToxiproxy {
  private static @Nullable AdminServer server;

  @BeforeAll
  public static void startWhenAsked() {
    if ("toxiproxy".equals(System.getProperty("netharness.faults"))
        && "in-process".equals(System.getProperty("netharness.toxiproxy.url"))) {
      server = AdminServer.builder().port(0).build().start();
      System.setProperty("netharness.toxiproxy.url", server.url());
      System.out.println("[features] toxiproxy backend -> in-process Toxiproxy-compatible API at " + server.url());
    }
  }

  @AfterAll
  public static void stop() {
    if (server != null) {
      server.close();
    }
  }
}
