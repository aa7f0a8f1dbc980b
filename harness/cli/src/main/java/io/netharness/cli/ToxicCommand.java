package io.netharness.cli;

import io.netharness.HarnessException;
import io.netharness.toxiproxy.ProxyInfo;
import io.netharness.toxiproxy.ToxicInfo;
import io.netharness.toxiproxy.ToxiproxyApi;
import io.netharness.toxiproxy.ToxiproxyApiException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netharness proxy toxic add|remove|list}: changes the toxics of a running proxy through its Toxiproxy API
 * (ours or a real toxiproxy-server), with the same toxic spelling as {@code --toxic}.
 *
 * <pre>{@code
 * netharness proxy toxic add redis/latency:latency=200,jitter=10
 * netharness proxy toxic list
 * netharness proxy toxic remove redis/latency_downstream
 * }</pre>
 */
@Command(
    name = "toxic",
    mixinStandardHelpOptions = true,
    description = "Add, remove or list the toxics of a running proxy, through its Toxiproxy API.",
    footer = {"", "Examples:", "  netharness proxy toxic add latency:latency=200,jitter=10",
        "  netharness proxy toxic add redis/bandwidth:rate=64,stream=upstream",
        "  netharness proxy toxic list", "  netharness proxy toxic remove redis/latency_downstream"})
final class ToxicCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Spec private CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8474", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The Toxiproxy API (default: ${DEFAULT-VALUE}).")
  private String url = "http://127.0.0.1:8474";

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("netharness proxy toxic: missing command; try 'netharness proxy toxic add"
        + " latency:latency=200', 'netharness proxy toxic list' or 'netharness proxy toxic remove PROXY/NAME'");
    return ExitCodes.USAGE;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add toxics: " + ToxicOption.FORMAT + ".")
  int add(@Parameters(paramLabel = "SPEC", arity = "1..*", description = "[PROXY/]TYPE[:key=value,...]; PROXY may"
      + " be left out when the API has one proxy.") List<String> specs) {
    List<ToxicOption> toxics = new ArrayList<>();
    for (String spec : specs) {
      try {
        toxics.add(ToxicOption.parse(spec, spec));
      } catch (IllegalArgumentException e) {
        return usage("add", e.getMessage());
      }
    }
    for (ToxicOption toxic : toxics) {
      String proxy = toxic.proxy();
      ToxicInfo added;
      try {
        ToxiproxyApi api = api();
        if (proxy == null) {
          proxy = onlyProxy(api, toxic.type());
        }
        added = api.addToxic(proxy, toxic.name(), toxic.type(), toxic.stream() == null ? "downstream" : toxic.stream(),
            toxic.toxicity() == null ? 1.0 : toxic.toxicity().doubleValue(), toxic.attributes());
      } catch (ToxicCommandException e) {
        return failure("add", e.getMessage());
      } catch (ToxiproxyApiException e) {
        return failure("add", explain(proxy + "/" + toxic.type(), e));
      }
      out().println(proxy + ": added " + describe(added));
    }
    out().flush();
    return ExitCodes.OK;
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove toxics by name.")
  int remove(@Parameters(paramLabel = "PROXY/NAME", arity = "1..*",
      description = "e.g. redis/latency_downstream (see 'toxic list' for the names).") List<String> names) {
    for (String name : names) {
      int slash = name.indexOf('/');
      if (slash <= 0 || slash == name.length() - 1) {
        return usage("remove", "'" + name + "' is not PROXY/NAME, e.g. redis/latency_downstream");
      }
      String proxy = name.substring(0, slash);
      String toxic = name.substring(slash + 1);
      try {
        api().removeToxic(proxy, toxic);
      } catch (ToxicCommandException e) {
        return failure("remove", e.getMessage());
      } catch (ToxiproxyApiException e) {
        return failure("remove", explain(name, e));
      }
      out().println(proxy + ": removed " + toxic);
    }
    out().flush();
    return ExitCodes.OK;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every proxy and its toxics.")
  int list() {
    List<ProxyInfo> proxies;
    try {
      proxies = proxies(api());
    } catch (ToxicCommandException e) {
      return failure("list", e.getMessage());
    }
    if (proxies.isEmpty()) {
      out().println("no proxies at " + url);
    }
    for (ProxyInfo proxy : proxies) {
      out().println(proxy.name() + ": " + proxy.listen() + " -> " + proxy.upstream()
          + (proxy.enabled() ? "" : " (disabled)"));
      for (ToxicInfo toxic : proxy.toxics()) {
        out().println("  " + describe(toxic));
      }
    }
    out().flush();
    return ExitCodes.OK;
  }

  private String onlyProxy(ToxiproxyApi api, String type) {
    List<String> names = proxies(api).stream().map(ProxyInfo::name).toList();
    try {
      return ToxicOption.onlyProxy(names, type, "the API at " + url + " has no proxy yet");
    } catch (IllegalArgumentException e) {
      throw new ToxicCommandException(e.getMessage());
    }
  }

  private List<ProxyInfo> proxies(ToxiproxyApi api) {
    try {
      return api.proxies();
    } catch (ToxiproxyApiException e) {
      throw new ToxicCommandException(explain("listing the proxies", e));
    }
  }

  /** {@code latency_downstream latency=200 jitter=10}, with the stream and toxicity when they are not the defaults. */
  private static String describe(ToxicInfo toxic) {
    StringBuilder line = new StringBuilder(toxic.name());
    toxic.attributes().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    if (!toxic.name().endsWith("_" + toxic.stream())) {
      line.append(" stream=").append(toxic.stream());
    }
    if (toxic.toxicity() != 1) {
      line.append(" toxicity=").append(BigDecimal.valueOf(toxic.toxicity()).stripTrailingZeros().toPlainString());
    }
    return line.toString();
  }

  private ToxiproxyApi api() {
    try {
      return ToxiproxyApi.at(url, TIMEOUT, TIMEOUT);
    } catch (HarnessException e) {
      throw new ToxicCommandException("--url '" + url + "' is not an http URL; write it like http://127.0.0.1:8474");
    }
  }

  /** What went wrong, in this command's words; {@code what} names the toxic or the step when the API refused. */
  private String explain(String what, ToxiproxyApiException e) {
    return switch (e.failure()) {
      case REFUSED -> what + ": the API answered " + e.status() + (e.error().isEmpty() ? "" : " " + e.error());
      case NOT_LISTENING -> "no Toxiproxy API answers at " + url + "; start one with 'netharness proxy'"
          + " (or toxiproxy-server), or pass its address with --url";
      case TIMED_OUT -> "the Toxiproxy API at " + url + " did not answer within " + TIMEOUT.toSeconds() + " s";
      case NOT_JSON -> url + " answered " + e.status() + " with a body that is not JSON ("
          + e.body().strip().lines().findFirst().orElse("") + "); is it a Toxiproxy API?";
      case IO -> "talking to the Toxiproxy API at " + url + " failed: " + e.getMessage();
    };
  }

  private int usage(String command, String message) {
    spec.commandLine().getErr().println("netharness proxy toxic " + command + ": " + message);
    return ExitCodes.USAGE;
  }

  private int failure(String command, String message) {
    spec.commandLine().getErr().println("netharness proxy toxic " + command + ": " + message);
    return ExitCodes.FAILED;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private static final class ToxicCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToxicCommandException(String message) {
      super(message);
    }
  }
}
