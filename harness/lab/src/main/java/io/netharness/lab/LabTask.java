package io.netharness.lab;

/**
 * Work to run on a lab host that returns nothing and may throw.
 *
 * <pre>{@code
 * lab.a().execute(() -> client.sendText("hello", StandardCharsets.UTF_8));
 * }</pre>
 */
@FunctionalInterface
public interface LabTask {
  void execute() throws Exception;
}
