package io.netharness.proxy.api;

import org.jspecify.annotations.Nullable;

/** One admin response: status, content type (none for empty bodies) and body bytes. */
record ApiResponse(int status, @Nullable String contentType, byte[] body, boolean noSniff) {

  static ApiResponse empty(int status) {
    return new ApiResponse(status, null, new byte[0], false);
  }
}
