/**
 * What goes over the wire: text in any JDK charset, hex, base64 and files, and the hexdump view.
 *
 * <pre>{@code
 * Payload gbk = Payload.text("哈哈", Encodings.charset("GBK"));
 * System.out.println(gbk.hex());           // b9feb9fe
 * System.out.println(HexDump.of(gbk.bytes(), Encodings.charset("GBK")));
 * }</pre>
 */
@NullMarked
package io.netharness.payload;

import org.jspecify.annotations.NullMarked;
