package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.Map;

/**
 * "packet_loss" for TCP (beyond Toxiproxy 2.12; attributes of Toxiproxy's newest toxic): each
 * chunk is lost with probability {@code lossRate}, with {@code correlation} making a loss more
 * likely right after a loss (a simplified Gilbert–Elliott model). TCP hides loss from the
 * application, so a lost chunk is not dropped: it is retransmitted after {@code retransmit}
 * (an RTO) counted from when it first arrived, and everything behind it waits (head-of-line
 * blocking); losses close together overlap, as TCP's retransmissions do. The stream stays
 * complete and in order; it only stalls.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.packetLoss(0.2));
 * }</pre>
 *
 * @param lossRate probability that a chunk is lost, 0..1 ({@code loss_rate})
 * @param correlation weight of the previous chunk's fate, 0..1 ({@code correlation})
 * @param retransmit delay before a lost chunk is delivered ({@code retransmit} attribute, ms)
 */
public record PacketLoss(double lossRate, double correlation, Duration retransmit) implements Toxic {

  /** How long a lost chunk waits before it is delivered, as TCP's first retransmission timeout. */
  public static final Duration DEFAULT_RETRANSMIT = Duration.ofMillis(200);

  /** The wire name {@code "packet_loss"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("packet_loss", false,
      a -> new PacketLoss(a.probability("loss_rate", 0.1), a.probability("correlation", 0),
          Duration.ofMillis(Math.max(1, a.whole("retransmit", DEFAULT_RETRANSMIT.toMillis(), Toxics.MAX_ATTRIBUTE, "ms")))));

  public PacketLoss {
    Toxics.requireProbability("loss_rate", lossRate);
    Toxics.requireProbability("correlation", correlation);
    Toxics.requireMillis("retransmit", retransmit);
    if (retransmit.isZero() && lossRate > 0) {
      throw new HarnessException("packet_loss needs a positive retransmit delay (e.g. 200 ms), the time TCP takes to resend");
    }
  }

  public static PacketLoss of(double lossRate) {
    return new PacketLoss(lossRate, 0, DEFAULT_RETRANSMIT);
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("loss_rate", lossRate, "correlation", correlation, "retransmit", retransmit.toMillis());
  }

  @Override
  public ToxicStage newStage() {
    return new HoldingStage() {
      private PacketLoss settings = PacketLoss.this;

      @Override
      public boolean update(ToxicContext ctx, Toxic updated) {
        settings = (PacketLoss) updated; // applies to the next chunk; held ones keep their times
        return true;
      }

      private boolean lastLost;
      private long nextFree;

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        double p = settings.correlation() * (lastLost ? 1 : 0) + (1 - settings.correlation()) * settings.lossRate();
        boolean lost = ctx.random().nextDouble() < p;
        lastLost = lost;
        long due = chunk.receivedNanos();
        if (lost) {
          ctx.touched(chunk.length());
          due += settings.retransmit().toNanos(); // resent one RTO after it first arrived
        }
        due = Math.max(due, nextFree); // and nothing overtakes it: head-of-line blocking
        nextFree = due;
        held.add(chunk);
        ctx.scheduleAt(due, () -> held.releaseOne(ctx));
      }
    };
  }
}
