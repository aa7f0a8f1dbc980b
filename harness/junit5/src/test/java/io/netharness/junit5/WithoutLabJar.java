package io.netharness.junit5;

import io.netharness.server.TcpServer;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Run by {@link WithoutLabJarTest} in a JVM whose class path has neither netharness-lab nor JNA: prints whether
 * the lab's class is there and how an example that injects endpoints fared.
 */
final class WithoutLabJar {
  private WithoutLabJar() {}

  public static void main(String[] args) {
    boolean labThere;
    try {
      Class.forName(LabParameters.LAB_TYPE);
      labThere = true;
    } catch (ClassNotFoundException e) {
      labThere = false;
    }
    EngineExecutionResults results = Examples.run(EndpointsExample.class);
    System.out.println("lab class there: " + labThere);
    System.out.println("succeeded " + results.testEvents().succeeded().count() + ", failed "
        + results.allEvents().failed().count());
    Examples.failures(results).forEach(failure -> failure.printStackTrace(System.out));
  }

  @Examples.Example
  @NetHarnessTest
  static class EndpointsExample {
    @Test
    void aServerIsInjected(TcpServer server) {
      if (!server.isRunning()) {
        throw new AssertionError("not started");
      }
    }
  }
}
