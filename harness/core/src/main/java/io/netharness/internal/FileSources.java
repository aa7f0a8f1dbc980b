package io.netharness.internal;

import io.netharness.HarnessException;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file to write to a socket without loading it: a zero-copy region, or 64 KiB chunks; either closes the file. */
public final class FileSources {
  private FileSources() {}

  /** The whole file as a region for {@code sendfile(2)} where the transport allows. */
  public static DefaultFileRegion region(Path file) {
    FileChannel source = open(file);
    try {
      return new DefaultFileRegion(source, 0, source.size());
    } catch (IOException e) {
      throw closing(source, file, e);
    }
  }

  /** The file in chunks (a ChunkedWriteHandler in the pipeline writes them as the socket drains). */
  public static ChunkedNioFile chunks(Path file) {
    FileChannel source = open(file);
    try {
      return new ChunkedNioFile(source, 64 * 1024);
    } catch (IOException e) {
      throw closing(source, file, e);
    }
  }

  private static FileChannel open(Path file) {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new HarnessException("cannot read file " + file.toAbsolutePath() + " to send: " + e.getMessage(), e);
    }
  }

  private static HarnessException closing(FileChannel source, Path file, IOException cause) {
    try {
      source.close();
    } catch (IOException ignored) {
      // reporting the first error
    }
    return new HarnessException("cannot send file " + file + ": " + cause.getMessage(), cause);
  }
}
