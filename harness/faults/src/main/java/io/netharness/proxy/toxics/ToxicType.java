package io.netharness.proxy.toxics;

import io.netharness.proxy.Toxic;
import java.util.Map;
import java.util.function.Function;

/**
 * One kind of toxic, declared once, next to its record: its wire name, whether a real Toxiproxy
 * 2.12 knows it, and how to build it from Toxiproxy's JSON attributes. The API, the CLI's
 * {@code --toxic} parser and the mapping for a real Toxiproxy all read {@link Toxics#CATALOGUE}.
 *
 * <pre>{@code
 * public static final ToxicType TYPE =
 *     new ToxicType("slow_close", true, a -> new SlowClose(a.millis("delay")));
 * Toxic t = SlowClose.TYPE.create(Map.of("delay", 300));
 * }</pre>
 *
 * @param name the wire name ({@code "latency"}), also what {@link Toxic#type()} returns
 * @param inToxiproxy whether Toxiproxy 2.12 has it (else it is ours: embedded backend only)
 * @param factory builds the toxic from its attributes, in Toxiproxy's units
 */
public record ToxicType(String name, boolean inToxiproxy, Function<Attributes, Toxic> factory) {

  /** The toxic for these attributes; missing ones take their defaults, out-of-range ones are refused. */
  public Toxic create(Map<String, ?> attributes) {
    return factory.apply(new Attributes(attributes));
  }
}
