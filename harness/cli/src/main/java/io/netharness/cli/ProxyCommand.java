package io.netharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netharness.HarnessException;
import io.netharness.faults.internal.ProxyWarmUp;
import io.netharness.proxy.ToxicAttachment;
import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.api.ApiException;
import io.netharness.proxy.api.ProxyRegistry;
import io.netharness.proxy.api.ProxySpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * netharness proxy --listen 127.0.0.1:26379 --upstream 127.0.0.1:6379 \
 *     --toxic latency:latency=200,jitter=10 --toxic bandwidth:rate=64,stream=upstream
 * netharness proxy toxic add bandwidth:rate=16        # on a running proxy: see ToxicCommand
 * }</pre>
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    subcommands = ToxicCommand.class,
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

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Create one proxy listening here (with --upstream), named by --name.")
  private @Nullable String listen;

  @Option(names = "--upstream", paramLabel = "HOST:PORT", description = "Where the --listen proxy forwards to.")
  private @Nullable String upstream;

  @Option(names = "--name", defaultValue = "proxy", description = "Name of the --listen proxy (default: ${DEFAULT-VALUE}).")
  private String name = "proxy";

  @Option(names = "--toxic", paramLabel = "SPEC",
      description = {"Add a toxic at start, repeatable: " + ToxicOption.FORMAT + ".",
          "Keys: the toxic's Toxiproxy attributes (ms, KB/s, bytes) and stream (default downstream), toxicity, name.",
          "PROXY may be left out when there is one proxy."})
  private List<String> toxics = new ArrayList<>();

  @Option(names = "--seed", description = "Seed for every random choice (jitter, slicer sizes, toxicity, loss).")
  private @Nullable Long seed;

  @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = {"Once the API is up, run the data path through a throwaway proxy on loopback before saying "
          + "\"Ctrl-C to stop.\" (default: on, about four seconds, at most seven): the first connections and a latency toxic's first round "
          + "trips then do not run interpreted.", "--no-warm-up skips it."})
  private boolean warmUp = true;

  private volatile @Nullable AdminServer running;
  private volatile boolean stopRequested;

  /** Stops {@code call()} as Ctrl-C would: closes the API and every proxy (at once if asked before it started). */
  void stop() {
    stopRequested = true;
    AdminServer server = running;
    if (server != null) {
      server.close();
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("netharness proxy: --port must be 0-65535, not " + port);
      return ExitCodes.USAGE;
    }
    List<ProxySpec> proxies = new ArrayList<>();
    List<ToxicOption> toxicOptions = new ArrayList<>();
    try {
      if (config != null) {
        proxies.addAll(readConfig(config));
      }
      proxies.addAll(commandLineProxy());
      for (String toxic : toxics) {
        toxicOptions.add(ToxicOption.parse(toxic));
      }
    } catch (HarnessException | IllegalArgumentException e) {
      err.println("netharness proxy: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ProxyRegistry registry = seed == null ? new ProxyRegistry() : new ProxyRegistry(seed);
    AdminServer server = null;
    List<String> added = new ArrayList<>();
    try {
      server = AdminServer.builder().host(host).port(port).registry(registry).build().start();
      registry.populate(proxies);
      for (ToxicOption toxic : toxicOptions) {
        added.add(addToxic(registry, toxic));
      }
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      registry.close();
      String message = String.valueOf(e.getMessage());
      err.println("netharness proxy: " + message + (message.endsWith("address already in use")
          ? "; stop whatever holds the port, or pick another listen address (port 0 picks a free one)" : ""));
      return ExitCodes.USAGE;
    }
    // after the set-up, so bad input is refused at once; before the summary, so "Ctrl-C to stop." means warm
    String warmedUp = warmUp && !stopRequested ? warmUp(err) : null;
    AdminServer started = server;
    running = started;
    if (stopRequested) {
      started.close();
    }
    out.println("netharness proxy: Toxiproxy API on " + started.url() + (seed == null ? "" : " (seed " + seed + ")"));
    for (var proxy : registry.proxies()) {
      out.println("  " + proxy.name() + ": " + proxy.listen() + " -> " + proxy.upstream());
    }
    added.forEach(line -> out.println("  " + line));
    if (warmedUp != null) {
      out.println(warmedUp);
    }
    out.println("Ctrl-C to stop.");
    out.flush();
    try (ShutdownHook hook = ShutdownHook.register("netharness-proxy-shutdown", () -> {
      started.close();
      registry.close(); // the proxies close their connections before the JVM halts
    })) {
      started.awaitClose();
    } finally {
      registry.close();
    }
    return ExitCodes.OK;
  }

  private List<ProxySpec> commandLineProxy() {
    if (listen == null && upstream == null) {
      return List.of();
    }
    if (listen == null || upstream == null) {
      throw new IllegalArgumentException("--listen and --upstream go together: --listen 127.0.0.1:26379"
          + " --upstream 127.0.0.1:6379 creates one proxy between them");
    }
    return List.of(new ProxySpec(name, listen, upstream, true));
  }

  /** The warm-up's line for the start-up summary, or null if it could not run (said on stderr; the proxy starts anyway). */
  private static @Nullable String warmUp(PrintWriter err) {
    try {
      Duration took = ProxyWarmUp.run(ProxyWarmUp.DEFAULT_ROUND_TRIPS).took();
      return "data path warmed up in " + took.toMillis() + " ms (--no-warm-up skips this)";
    } catch (RuntimeException e) {
      err.println("netharness proxy: warm-up skipped: " + e.getMessage());
      return null;
    }
  }

  /** Adds one toxic as the API would, and describes it, e.g. {@code db: latency_downstream latency=200 jitter=10}. */
  private static String addToxic(ProxyRegistry registry, ToxicOption toxic) {
    String proxyName = toxic.proxy();
    if (proxyName == null) {
      try {
        proxyName = ToxicOption.onlyProxy(registry.proxies().stream().map(p -> p.name()).toList(), toxic.type(),
            "there is no proxy yet: create one with --listen and --upstream, or --config");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--toxic " + toxic.type() + ": " + e.getMessage(), e);
      }
    }
    if (registry.get(proxyName).isEmpty()) {
      throw new IllegalArgumentException("--toxic " + proxyName + "/" + toxic.type() + ": there is no proxy named \""
          + proxyName + "\"; proxies: " + registry.proxies().stream().map(p -> p.name()).toList());
    }
    ToxicAttachment attached;
    try {
      attached = registry.addToxic(proxyName, toxic.toJson());
    } catch (ApiException e) {
      throw new IllegalArgumentException("--toxic " + proxyName + "/" + toxic.type() + ": " + e.getMessage(), e);
    }
    StringBuilder line = new StringBuilder(proxyName + ": toxic " + attached.name());
    attached.toxic().attributes().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    if (attached.toxicity() < 1) {
      line.append(" toxicity=").append(attached.toxicity());
    }
    return line.toString();
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
