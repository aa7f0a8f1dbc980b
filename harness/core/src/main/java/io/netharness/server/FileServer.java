package io.netharness.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The tutorial's file download server. The client sends a file name and a newline; the server
 * sends the file's bytes and closes (EOF marks the end). A name that escapes the root
 * ({@code ../etc/passwd}, an absolute path, a symlink out) or names no regular file gets one line
 * {@code "ERROR <reason>\n"} and a close instead.
 *
 * <pre>{@code
 * TcpServer.builder().behavior(Behaviors.fileServer(Path.of("fixtures"))).framing(Framing.lines()).build().start();
 * }</pre>
 */
final class FileServer implements Behavior {
  private final Path root;

  FileServer(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void onMessage(ServerConnection connection, byte[] message) throws IOException {
    String name = new String(message, StandardCharsets.UTF_8).strip();
    Path file;
    try {
      file = root.resolve(name).normalize();
    } catch (InvalidPathException e) {
      refuse(connection, "invalid file name");
      return;
    }
    if (!file.startsWith(root)) {
      refuse(connection, "access denied: " + name + " is outside the served folder");
      return;
    }
    if (!Files.isRegularFile(file)) {
      refuse(connection, "no such file: " + name);
      return;
    }
    Path real;
    try {
      real = file.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        refuse(connection, "access denied: " + name + " is outside the served folder");
        return;
      }
    } catch (IOException e) {
      refuse(connection, "cannot read " + name + ": " + e.getMessage());
      return;
    }
    connection.sendFile(real, true); // the resolved path: a symlink swapped in later is not followed
  }

  private static void refuse(ServerConnection connection, String reason) {
    connection.send(("ERROR " + reason + "\n").getBytes(StandardCharsets.UTF_8));
    connection.close();
  }
}
