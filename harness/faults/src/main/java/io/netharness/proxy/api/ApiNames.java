package io.netharness.proxy.api;

import io.netharness.proxy.Names;

/** {@link Names}'s rule as the API answers it: a 400 at creation instead of a proxy nobody can reach again. */
final class ApiNames {
  private ApiNames() {}

  static String check(String field, String name) {
    Names.problem(field, name).ifPresent(problem -> {
      throw new ApiException(400, "bad request body: " + problem);
    });
    return name;
  }
}
