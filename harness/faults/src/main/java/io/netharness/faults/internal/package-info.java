/**
 * Plumbing shared by the fault proxy and its admin API: what a listener does when accepting fails,
 * and the admin API's own event loops. Not API: may change in any release.
 */
@NullMarked
package io.netharness.faults.internal;

import org.jspecify.annotations.NullMarked;
