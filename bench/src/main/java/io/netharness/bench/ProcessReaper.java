package io.netharness.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Destroys the child processes the bench started, and theirs, when the bench JVM exits before it
 * closed them (SIGTERM from a CI cancel or {@code timeout}, a case that failed): Java does not, and a
 * child proxy JVM or echo server would run on with its parent gone.
 *
 * <pre>{@code
 * Process p = ProcessReaper.watch(new ProcessBuilder(command).start());
 * }</pre>
 */
final class ProcessReaper {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ProcessReaper::kill), "bench-process-reaper"));
  }

  private ProcessReaper() {}

  /** Watches {@code process} until it exits; returns it. */
  static Process watch(Process process) {
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
    return process;
  }

  /** Its descendants first (e.g. a relay under GNU time), then the process itself. */
  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
