package io.netharness.bench.robustness;

import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.api.ProxyRegistry;

/**
 * The process under attack: the embedded admin API (as {@code netharness proxy} runs it) and an
 * echo server, both on 127.0.0.1. Prints {@code READY <admin port> <echo port>} and serves until
 * stdin closes.
 *
 * <pre>{@code
 * java -cp ... io.netharness.bench.robustness.ProxyServer    # READY 41235 38811
 * }</pre>
 */
public final class ProxyServer {
  private ProxyServer() {}

  public static void main(String[] args) throws Exception {
    try (EchoServer echo = new EchoServer();
         AdminServer admin = AdminServer.builder().port(0).registry(new ProxyRegistry(42)).build().start()) {
      System.out.println("READY " + admin.getPort() + " " + echo.address().getPort());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our stdin (or dies)
      }
    }
  }
}
