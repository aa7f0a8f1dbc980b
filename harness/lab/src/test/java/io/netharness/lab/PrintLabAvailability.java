package io.netharness.lab;

/** Prints why the lab cannot run here, or "available": run in a child JVM by {@link LabUnavailableTest}. */
public final class PrintLabAvailability {
  private PrintLabAvailability() {}

  public static void main(String[] args) {
    System.out.println(Lab.unavailableReason().orElse("available"));
    try (Lab lab = Lab.start()) {
      System.out.println("started " + lab);
    } catch (LabUnavailableException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
