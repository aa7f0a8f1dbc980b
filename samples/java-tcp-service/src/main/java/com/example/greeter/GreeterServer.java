package com.example.greeter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The service under test: a line protocol over TCP, one thread per client.
 * {@code HELLO name} gets {@code HI name}, {@code BYE} gets {@code BYE} and the connection closed, anything else
 * {@code ERR unknown command}.
 *
 * <pre>{@code
 * try (GreeterServer greeter = GreeterServer.start(0)) {   // 0: any free port
 *   System.out.println("greeter on " + greeter.address());
 * }
 * }</pre>
 */
public final class GreeterServer implements AutoCloseable {
  private final ServerSocket listener;

  private GreeterServer(ServerSocket listener) {
    this.listener = listener;
    Thread acceptor = new Thread(this::acceptClients, "greeter-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static GreeterServer start(int port) {
    try {
      return new GreeterServer(new ServerSocket(port, 128, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  private void acceptClients() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread handler = new Thread(() -> serve(client), "greeter-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void serve(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("HELLO ")) {
          out.print("HI " + line.substring(6) + "\n");
        } else if (line.equals("BYE")) {
          out.print("BYE\n");
          out.flush();
          return;
        } else {
          out.print("ERR unknown command\n");
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    GreeterServer greeter = start(args.length > 0 ? Integer.parseInt(args[0]) : 7000);
    System.out.println("greeter listening on " + greeter.address());
    Thread.currentThread().join();
  }
}
