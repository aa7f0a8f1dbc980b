package io.netharness.bench.robustness;

/**
 * What one check found: whether it passed and a one-line summary with the numbers.
 *
 * <pre>{@code
 * Finding f = new Finding("api fuzz", true, "3,000 requests, 0 hangs, 0 unexpected 5xx");
 * }</pre>
 *
 * @param check the check's name
 * @param passed no hang, no dead process, no unexpected 5xx, no corrupted byte
 * @param summary the numbers behind the verdict
 */
public record Finding(String check, boolean passed, String summary) {}
