package io.netharness.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netharness.internal.Transports;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipes grow to 1 MiB up to the process's budget of 16 MiB, and a released pipe gives its share back. */
class PipeSizesTest {
  private static final int MIB = 1 << 20;

  @Test
  void growsUpToTheBudgetThenKeepsTheKernelsSize() throws IOException {
    assumeTrue(Transports.name().equals("epoll"), "pipes come from Netty's native transport here");
    long room = (16L * MIB - PipeSizes.grownBytes()) / MIB; // a spliced connection of another test may hold some
    List<FileDescriptor[]> pipes = new ArrayList<>();
    List<PipeSizes.Size> sizes = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        FileDescriptor[] pipe = FileDescriptor.pipe();
        pipes.add(pipe);
        sizes.add(PipeSizes.grow(pipe[1].intValue(), MIB));
      }
      assertThat(sizes.stream().filter(s -> s.bytes() == MIB).count()).as("pipes grown to 1 MiB").isEqualTo(room);
      assertThat(sizes.subList((int) room, 20)).allMatch(s -> s.bytes() < MIB && s.counted() == 0, "the kernel's size once the budget is spent");

      PipeSizes.released(sizes.get(0));
      FileDescriptor[] again = FileDescriptor.pipe();
      pipes.add(again);
      PipeSizes.Size size = PipeSizes.grow(again[1].intValue(), MIB);
      sizes.add(size);
      assertThat(size.bytes()).as("grown again once one was released").isEqualTo(MIB);
      assertThat(PipeSizes.grownBytes()).isLessThanOrEqualTo(16L * MIB);
    } finally {
      for (int i = 0; i < pipes.size(); i++) {
        if (i != 0) {
          PipeSizes.released(sizes.get(i));
        }
        pipes.get(i)[0].close();
        pipes.get(i)[1].close();
      }
    }
  }
}
