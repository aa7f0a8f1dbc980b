package io.netharness.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.payload.Payload;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The tutorial's file download: a server offers files from its own folder, a client asks for one
 * by name and saves what arrives until the server closes. Digests prove the bytes are intact.
 *
 * <pre>{@code
 * Given a TCP file server "files"
 * And "files" offers the fixture "texts/poem.txt"
 * And "files" offers a generated file "big.bin" of 100 MiB
 * When "alice" downloads "big.bin" from "files"
 * Then the download of "big.bin" by "alice" matches the served file's SHA-256
 * }</pre>
 */
public final class FileSteps {
  private final HarnessState state;

  public FileSteps(HarnessState state) {
    this.state = state;
  }

  @Given("a TCP file server {string}")
  public void fileServer(String name) throws IOException {
    Path root = Files.createDirectories(state.scratch().resolve(name));
    state.put("root:" + name, root);
    state.addServer(name, TcpServer.builder().name(name).behavior(Behaviors.fileServer(root))
        .framing(Framing.lines()).build()).start();
  }

  @Given("{string} offers the fixture {string}")
  public void offerFixture(String server, String fixture) throws IOException {
    Path source = Fixtures.resolve(fixture);
    Path target = root(server).resolve(source.getFileName().toString());
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Given("{string} offers a generated file {string} of {size}")
  public void offerGenerated(String server, String name, Long size) throws IOException {
    Path target = root(server).resolve(name);
    SplittableRandom random = new SplittableRandom(name.hashCode());
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      for (long left = size; left > 0; left -= block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long r = random.nextLong();
          for (int j = 0; j < 8; j++) {
            block[i + j] = (byte) (r >>> (8 * j));
          }
        }
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
  }

  @When("{string} downloads {string} from {string}")
  public void download(String client, String file, String server) {
    downloadVia(client, file, server, server);
  }

  @When("{string} downloads {string} from {string} through {string}")
  public void downloadThrough(String client, String file, String server, String proxy) {
    downloadVia(client, file, server, proxy);
  }

  private void downloadVia(String client, String file, String server, String target) {
    Path source = root(server).resolve(file);
    TcpClient c = state.addClient(client, TcpClient.builder().name(client).address(state.addressOf(target)).connect());
    state.route(client, target);
    c.send(Payload.utf8(file + "\n"));
    String digest = c.sha256UntilEnd(state.timeout().multipliedBy(12));
    state.put("download:" + client + ":" + file, digest);
    state.put("source:" + client + ":" + file, source);
  }


  @Then("the download of {string} by {string} matches the served file's SHA-256")
  public void matches(String file, String client) {
    String got = state.get("download:" + client + ":" + file, String.class, "\"" + client + "\" has not downloaded \""
        + file + "\" in this scenario: add When \"" + client + "\" downloads \"" + file + "\" from \"<file server>\"");
    Path served = state.get("source:" + client + ":" + file, Path.class);
    String expected = sha256(served);
    if (!got.equals(expected)) {
      throw new ExpectationFailedException("the download of \"" + file + "\" by \"" + client + "\" has SHA-256 "
          + got + ", but the served file has " + expected + " (" + state.client(client).bytesReceived()
          + " bytes received of " + size(served) + ")");
    }
  }

  @Then("{string} is refused with {string}")
  public void refused(String client, String reason) {
    String head = receivedHead(state.client(client));
    if (!head.startsWith("ERROR") || !head.contains(reason)) {
      throw new ExpectationFailedException("client \"" + client + "\": expected a refusal mentioning \"" + reason
          + "\", but received " + io.netharness.payload.HexDump.quote(head));
    }
  }

  private static String receivedHead(TcpClient client) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    for (TranscriptEvent e : client.transcript().events(TranscriptEvent.Kind.RECEIVED)) {
      head.writeBytes(e.bytes());
      if (head.size() > 4096) {
        break;
      }
    }
    return head.toString(StandardCharsets.UTF_8);
  }

  private Path root(String server) {
    return state.get("root:" + server, Path.class, "\"" + server + "\" is not a file server of this scenario:"
        + " start it with Given a TCP file server \"" + server + "\"");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  static String sha256(Path file) {
    try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"))) {
      Files.copy(file, out);
      return HexFormat.of().formatHex(out.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
