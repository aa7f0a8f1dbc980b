package io.netharness.cucumber;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What arrived of a numbered transfer: sent, received, lost, duplicated, out of order, and how
 * long it took. Built from the sequence numbers the receiver saw, in the order it saw them.
 *
 * <pre>{@code
 * DeliveryReport r = DeliveryReport.of("udp", 1000, List.of(1, 2, 4, 3, 3), Duration.ofMillis(40));
 * r.lost();        // 996
 * r.duplicated();  // 1
 * r.outOfOrder();  // 1
 * }</pre>
 *
 * @param transfer a label, e.g. "TCP alice" or "UDP a -> b"
 * @param sent messages sent
 * @param received messages received, duplicates included
 * @param lost numbers 1..sent never received
 * @param duplicated receptions of a number already received
 * @param outOfOrder receptions of a number lower than one received before
 * @param completion first send to last receive
 */
public record DeliveryReport(String transfer, int sent, int received, int lost, int duplicated, int outOfOrder,
    Duration completion) {

  public static DeliveryReport of(String transfer, int sent, List<Integer> sequence, Duration completion) {
    Set<Integer> seen = new HashSet<>();
    int duplicated = 0;
    int outOfOrder = 0;
    int highest = 0;
    for (int n : sequence) {
      if (!seen.add(n)) {
        duplicated++;
        continue;
      }
      if (n < highest) {
        outOfOrder++;
      }
      highest = Math.max(highest, n);
    }
    int lost = 0;
    for (int n = 1; n <= sent; n++) {
      if (!seen.contains(n)) {
        lost++;
      }
    }
    return new DeliveryReport(transfer, sent, sequence.size(), lost, duplicated, outOfOrder, completion);
  }

  public boolean completeAndInOrder() {
    return lost == 0 && duplicated == 0 && outOfOrder == 0 && received == sent;
  }

  /** A plain-text table of reports, one row each. */
  public static String table(List<DeliveryReport> reports) {
    List<String> rows = new ArrayList<>();
    rows.add(String.format("%-22s %6s %9s %6s %11s %13s %12s", "transfer", "sent", "received", "lost", "duplicated",
        "out of order", "completion"));
    for (DeliveryReport r : reports) {
      rows.add(String.format(Locale.ROOT, "%-22s %6d %9d %6d %11d %13d %9.1f ms", r.transfer, r.sent, r.received,
          r.lost, r.duplicated, r.outOfOrder, r.completion.toNanos() / 1e6));
    }
    return String.join("\n", rows);
  }
}
