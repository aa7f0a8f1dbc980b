/** Implementation details of NetHarness; not an API, may change in any release. */
@NullMarked
package io.netharness.internal;

import org.jspecify.annotations.NullMarked;
