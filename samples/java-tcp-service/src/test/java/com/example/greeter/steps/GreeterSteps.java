package com.example.greeter.steps;

import com.example.greeter.GreeterServer;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.netharness.client.TcpClient;
import io.netharness.cucumber.HarnessState;

/**
 * The project's own steps, beside the NetHarness step library: they start the service under test on a free port
 * and hand NetHarness a client connected to it; every other step is the library's.
 */
public final class GreeterSteps {
  private final HarnessState state;
  private GreeterServer greeter;

  public GreeterSteps(HarnessState state) {
    this.state = state;
  }

  @Given("the greeter service is running")
  public void theGreeterIsRunning() {
    greeter = GreeterServer.start(0);
  }

  @Given("a TCP client {string} connected to the greeter service")
  public void clientConnectedToTheGreeter(String name) {
    state.addClient(name, TcpClient.builder().address(greeter.address()).name(name).connect());
  }

  @After
  public void stopTheGreeter() {
    if (greeter != null) {
      greeter.close();
    }
  }
}
