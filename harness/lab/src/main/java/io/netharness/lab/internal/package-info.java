/** How the lab is made: JNA calls into libc, TUN devices, namespaces, the wire's loops, the capture. */
@NullMarked
package io.netharness.lab.internal;

import org.jspecify.annotations.NullMarked;
