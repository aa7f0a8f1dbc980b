package io.netharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netharness.HarnessException;
import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.api.ProxyRegistry;
import io.netharness.proxy.api.ProxySpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netharness proxy}: the embedded fault proxy with Toxiproxy's HTTP API, standalone — a
 * drop-in for toxiproxy-server in local development. Runs until Ctrl-C.
 *
 * <pre>{@code
 * netharness proxy                                  # API on 127.0.0.1:8474
 * netharness proxy --port 18474 --config proxies.json --seed 42
 * }</pre>
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded fault proxy with a Toxiproxy-compatible HTTP API (a drop-in for toxiproxy-server).",
      "Existing Toxiproxy clients (toxiproxy-java, toxiproxy-cli, the Go and Node clients) work unchanged."
    })
public final class ProxyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address of the HTTP API (default: ${DEFAULT-VALUE}).")
  private String host = "127.0.0.1";

  @Option(names = "--port", defaultValue = "8474", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
  private int port = 8474;

  @Option(names = {"--config", "-config"}, paramLabel = "FILE",
      description = "Proxies to create at start: a JSON array in Toxiproxy's /populate format.")
  private @Nullable Path config;

  @Option(names = "--seed", description = "Seed for every random choice (jitter, slicer sizes, toxicity, loss).")
  private @Nullable Long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("netharness proxy: --port must be 0-65535, not " + port);
      return ExitCodes.USAGE;
    }
    List<ProxySpec> proxies;
    try {
      proxies = config == null ? List.of() : readConfig(config);
    } catch (HarnessException e) {
      err.println("netharness proxy: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ProxyRegistry registry = seed == null ? new ProxyRegistry() : new ProxyRegistry(seed);
    AdminServer server;
    try {
      server = AdminServer.builder().host(host).port(port).registry(registry).build().start();
      registry.populate(proxies);
    } catch (RuntimeException e) {
      registry.close();
      err.println("netharness proxy: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "netharness-proxy-shutdown"));
    out.println("netharness proxy: Toxiproxy API on " + server.url() + (seed == null ? "" : " (seed " + seed + ")"));
    for (var proxy : registry.proxies()) {
      out.println("  " + proxy.name() + ": " + proxy.listen() + " -> " + proxy.upstream());
    }
    out.println("Ctrl-C to stop.");
    out.flush();
    server.awaitClose();
    return ExitCodes.OK;
  }

  static List<ProxySpec> readConfig(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new HarnessException("cannot read --config " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw new HarnessException("--config " + file + " must hold a JSON array of proxies, e.g."
          + " [{\"name\":\"db\",\"listen\":\"127.0.0.1:26379\",\"upstream\":\"127.0.0.1:6379\"}]");
    }
    List<ProxySpec> specs = new ArrayList<>();
    int index = 1;
    for (JsonNode node : root) {
      String name = node.path("name").asText("");
      String upstream = node.path("upstream").asText("");
      if (name.isBlank() || upstream.isBlank()) {
        throw new HarnessException("--config " + file + ": proxy " + index + " needs a \"name\" and an \"upstream\"");
      }
      specs.add(new ProxySpec(name, node.path("listen").asText("127.0.0.1:0"), upstream, node.path("enabled").asBoolean(true)));
      index++;
    }
    return specs;
  }
}
