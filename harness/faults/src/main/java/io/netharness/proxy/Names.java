package io.netharness.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a proxy or toxic name must be so that it can be addressed afterwards, through the API or any Toxiproxy
 * client: not empty, text a URL can carry (no lone UTF-16 surrogate, which has no UTF-8 form) and at most
 * {@link #MAX_BYTES} bytes of UTF-8. The same rule for {@code FaultProxy.builder().name(…)}, toxic names and the API.
 *
 * <pre>{@code
 * Names.problem("name", "\ud800");   // Optional["name is not valid Unicode: a lone surrogate \ud800 at index 0 …"]
 * }</pre>
 */
public final class Names {
  /** The longest name in UTF-8 bytes. */
  public static final int MAX_BYTES = 4096;

  private Names() {}

  /** Why {@code name} cannot be a {@code field}, or empty if it can. */
  public static Optional<String> problem(String field, String name) {
    if (name.isEmpty()) {
      return Optional.of(field + " is empty; give it a name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(field + " is not valid Unicode: a lone surrogate \\u" + Integer.toHexString(c) + " at index "
            + i + " cannot be written in a URL, so the " + field + " could never be addressed");
      }
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of(field + " is too long: " + bytes + " bytes of UTF-8; the limit is " + MAX_BYTES);
    }
    return Optional.empty();
  }

  /** {@code name}, or a {@link io.netharness.HarnessException} saying why it cannot be a {@code field}. */
  static String require(String field, String name) {
    problem(field, name).ifPresent(p -> {
      throw new io.netharness.HarnessException(p);
    });
    return name;
  }
}
