package io.netharness.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStep;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A line per finished scenario (mark, name, feature file:line), the failing step and its error, and a summary at
 * the end; on a terminal, also a {@link LiveLine} with scenario n of N and the step that is running. Registered
 * by {@code netharness run} as {@code io.netharness.cli.ProgressReporter:<run id>}.
 */
public final class ProgressReporter implements ConcurrentEventListener {
  private final RunConsole console;
  private final RunSummary summary = new RunSummary();
  private final Map<UUID, String> problems = new ConcurrentHashMap<>();
  private final Path workingDir = Path.of("").toAbsolutePath();
  private volatile Instant startedAt = Instant.now();
  private final AtomicInteger scenariosStarted = new AtomicInteger();
  private final Map<UUID, Integer> scenarioNumbers = new ConcurrentHashMap<>();
  private final AtomicReference<@Nullable CurrentStep> current = new AtomicReference<>();

  /** What the live line shows: the latest step to start, in which scenario. */
  private record CurrentStep(int number, String scenario, String step, Instant since) {}

  public ProgressReporter(String runId) {
    this.console = RunConsole.lookup(runId);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, this::runStarted);
    publisher.registerHandlerFor(TestCaseStarted.class, this::scenarioStarted);
    publisher.registerHandlerFor(TestStepStarted.class, this::stepStarted);
    publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
    publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
    publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
  }

  private void runStarted(TestRunStarted event) {
    startedAt = event.getInstant();
    if (console.live()) {
      console.showing(new LiveLine(console.out(), LiveLine.terminalWidth(), this::liveText));
    }
  }

  private void scenarioStarted(TestCaseStarted event) {
    int number = scenariosStarted.incrementAndGet();
    scenarioNumbers.put(event.getTestCase().getId(), number);
    current.set(new CurrentStep(number, name(event.getTestCase()), "", event.getInstant()));
    console.refreshLiveLine();
  }

  private void stepStarted(TestStepStarted event) {
    if (event.getTestStep() instanceof PickleStepTestStep step) {
      int number = scenarioNumbers.getOrDefault(event.getTestCase().getId(), scenariosStarted.get());
      current.set(new CurrentStep(number, name(event.getTestCase()),
          step.getStep().getKeyword().strip() + " " + step.getStep().getText(), event.getInstant()));
      console.refreshLiveLine();
    }
  }

  /** {@code [12/62] 14s Bandwidth 64 KB/s › When the client sends 1 MiB}; empty between scenarios. */
  String liveText() {
    CurrentStep now = current.get();
    if (now == null) {
      return "";
    }
    int expected = console.expectedScenarios();
    String counter = "[" + now.number() + (expected >= now.number() ? "/" + expected : "") + "]";
    long seconds = Duration.between(now.since(), Instant.now()).toSeconds();
    return console.style().cyan(counter) + (seconds >= 1 ? console.style().dim(" " + seconds + "s") : "") + " "
        + now.scenario() + (now.step().isEmpty() ? "" : " › " + now.step());
  }

  private void stepFinished(TestStepFinished event) {
    Result result = event.getResult();
    if (event.getTestStep() instanceof PickleStepTestStep) {
      summary.countStep(result.getStatus());
    }
    if (result.getStatus() != Status.PASSED && result.getStatus() != Status.SKIPPED) {
      problems.putIfAbsent(event.getTestCase().getId(), describe(event.getTestStep(), result));
    }
  }

  private void scenarioFinished(TestCaseFinished event) {
    TestCase scenario = event.getTestCase();
    Status status = event.getResult().getStatus();
    String where = location(scenario);
    summary.countScenario(status, where + "  " + name(scenario));
    Style style = console.style();
    String line = switch (status) {
      case PASSED -> style.green(style.passMark()) + " " + name(scenario) + "  " + style.dim(where);
      case SKIPPED -> style.cyan(style.skipMark()) + " " + name(scenario) + "  " + style.dim(where + " (skipped)");
      case FAILED -> style.red(style.failMark()) + " " + name(scenario) + "  " + style.dim(where);
      default -> style.yellow(style.warnMark()) + " " + name(scenario) + "  "
          + style.dim(where + " (" + status.name().toLowerCase() + ")");
    };
    String problem = problems.remove(scenario.getId());
    Integer number = scenarioNumbers.remove(scenario.getId());
    CurrentStep now = current.get();
    if (now != null && number != null && now.number() == number) {
      current.compareAndSet(now, null); // another scenario's newer step stays
    }
    PrintWriter out = console.out();
    synchronized (out) {
      console.clearLiveLine();
      out.println(line);
      if (problem != null) {
        out.println(indent(status == Status.FAILED ? style.red(problem) : style.yellow(problem)));
      }
      out.flush();
    }
    console.refreshLiveLine();
  }

  private void runFinished(TestRunFinished event) {
    Duration elapsed = Duration.between(startedAt, event.getInstant());
    Throwable runError = event.getResult().getError();
    PrintWriter out = console.out();
    console.stopLiveLine();
    synchronized (out) {
      if (runError != null) {
        out.println(console.style().red("Run failed: " + ErrorHandlers.describe(runError)));
      }
      summary.print(out, console.style(), elapsed, console.reportDir());
      out.flush();
    }
  }

  private static String describe(TestStep step, Result result) {
    String what;
    if (step instanceof PickleStepTestStep pickleStep) {
      what = "Step " + pickleStep.getStep().getKeyword().strip() + " " + pickleStep.getStep().getText()
          + " (line " + pickleStep.getStep().getLine() + ")";
    } else if (step instanceof HookTestStep hook) {
      what = hook.getHookType().name().toLowerCase().replace('_', ' ') + " hook " + hook.getCodeLocation();
    } else {
      what = step.getCodeLocation();
    }
    return switch (result.getStatus()) {
      case UNDEFINED -> what + " is undefined: no step definition matches it; check the spelling,"
          + " or add the package of your steps with --glue (and --classpath)";
      case PENDING -> what + " is pending: " + message(result);
      case AMBIGUOUS -> what + " is ambiguous: " + message(result);
      default -> what + " failed:\n" + message(result);
    };
  }

  private static String message(Result result) {
    Throwable error = result.getError();
    if (error == null) {
      return "(no error message)";
    }
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      StackTraceElement[] trace = error.getStackTrace();
      return error.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : "");
    }
    return error instanceof AssertionError ? message.strip() : error.getClass().getSimpleName() + ": " + message.strip();
  }

  private String location(TestCase scenario) {
    String file;
    if ("file".equals(scenario.getUri().getScheme())) {
      Path path = Path.of(scenario.getUri());
      file = (path.startsWith(workingDir) ? workingDir.relativize(path) : path).toString();
    } else {
      file = scenario.getUri().toString();
    }
    return file + ":" + scenario.getLocation().getLine();
  }

  private static String name(TestCase scenario) {
    return scenario.getName().isBlank() ? "(unnamed scenario)" : scenario.getName();
  }

  private static String indent(String text) {
    return "    " + text.replace("\n", "\n    ");
  }
}
