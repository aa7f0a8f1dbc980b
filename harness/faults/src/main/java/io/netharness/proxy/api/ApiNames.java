package io.netharness.proxy.api;

import java.nio.charset.StandardCharsets;

/**
 * What a proxy or toxic name must be so that it can be addressed afterwards: text a URL can
 * carry (no lone UTF-16 surrogate, which has no UTF-8 form) and at most {@link #MAX_BYTES} bytes
 * of UTF-8. Anything else is a 400 at creation instead of a proxy nobody can reach again.
 */
final class ApiNames {
  static final int MAX_BYTES = 4096;

  private ApiNames() {}

  static String check(String field, String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ApiException(400, "bad request body: " + field + " is not valid Unicode: a lone surrogate \\u"
            + Integer.toHexString(c) + " at index " + i + " cannot be written in a URL, so the " + field
            + " could never be addressed");
      }
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new ApiException(400, "bad request body: " + field + " is too long: " + bytes + " bytes of UTF-8; the limit is "
          + MAX_BYTES);
    }
    return name;
  }
}
