/*
 * idle_rtt: a client and an echo server outside the JVM, for the latency bench's fresh-process case, so that
 * only the proxy under test runs on a JVM.
 *
 *   idle_rtt echo                               listens on 127.0.0.1 (ephemeral port, printed as "listening on
 *                                               PORT"), echoes every connection on its own thread, until killed
 *   idle_rtt client PORT COUNT IDLE_MS          connects to 127.0.0.1:PORT, then COUNT times: waits IDLE_MS,
 *                                               writes 1 byte, reads 1 byte back; prints each round trip in ns,
 *                                               one per line, once all are done; gives up (exit 1) when a reply
 *                                               takes more than 10 s
 *
 *   gcc -O2 -pthread -o idle-rtt idle_rtt.c && ./idle-rtt client 8080 150 100
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static struct sockaddr_in loopback(int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

static void *echo_connection(void *arg) {
  int fd = (int) (long) arg;
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) {
    for (ssize_t done = 0; done < n;) {
      ssize_t w = write(fd, buffer + done, n - done);
      if (w <= 0) {
        goto out;
      }
      done += w;
    }
  }
out:
  close(fd);
  return NULL;
}

static int echo(void) {
  int one = 1;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = loopback(0);
  socklen_t length = sizeof a;
  if (listener < 0 || bind(listener, (struct sockaddr *) &a, sizeof a) || listen(listener, 128)
      || getsockname(listener, (struct sockaddr *) &a, &length)) {
    perror("idle_rtt echo: listen");
    return 1;
  }
  printf("listening on %d\n", ntohs(a.sin_port));
  fflush(stdout);
  for (;;) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) {
      struct timespec pause = {0, 10 * 1000000L}; /* e.g. out of descriptors: do not spin */
      nanosleep(&pause, NULL);
      continue;
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    pthread_t thread;
    if (pthread_create(&thread, NULL, echo_connection, (void *) (long) fd) == 0) {
      pthread_detach(thread);
    } else {
      close(fd);
    }
  }
}

static int client(int port, int count, int idle_ms) {
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = loopback(port);
  struct timeval patience = {10, 0};
  if (fd < 0) {
    perror("idle_rtt client: socket");
    return 1;
  }
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
  if (connect(fd, (struct sockaddr *) &a, sizeof a)) {
    perror("idle_rtt client: connect");
    return 1;
  }
  long *nanos = calloc(count > 0 ? count : 1, sizeof(long));
  if (nanos == NULL) {
    perror("idle_rtt client: calloc");
    return 1;
  }
  char byte = 'x';
  struct timespec idle = {idle_ms / 1000, (idle_ms % 1000) * 1000000L};
  for (int i = 0; i < count; i++) {
    if (idle_ms > 0) {
      nanosleep(&idle, NULL);
    }
    long start = now_ns();
    if (write(fd, &byte, 1) != 1 || read(fd, &byte, 1) != 1) {
      fprintf(stderr, "idle_rtt client: no reply (ended, or 10 s passed) after %d round trips\n", i);
      return 1;
    }
    nanos[i] = now_ns() - start;
  }
  for (int i = 0; i < count; i++) {
    printf("%ld\n", nanos[i]);
  }
  return 0;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN); /* a peer that resets mid-write is an error return, not the end of the process */
  if (argc == 2 && strcmp(argv[1], "echo") == 0) {
    return echo();
  }
  if (argc == 5 && strcmp(argv[1], "client") == 0) {
    return client(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
  }
  fprintf(stderr, "usage: idle_rtt echo | idle_rtt client PORT COUNT IDLE_MS\n");
  return 2;
}
