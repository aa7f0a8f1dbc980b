/*
 * splice_relay: the bulk bench's zero-copy reference relay. Listens on 127.0.0.1 (an ephemeral port,
 * printed as "listening on PORT"), accepts one connection, connects to 127.0.0.1:UPSTREAM_PORT and
 * moves bytes both ways with splice(2) through a pipe per direction (socket -> pipe -> socket, no copy
 * into user space), a blocking thread per direction. A direction's EOF becomes a FIN on the other
 * socket (shutdown SHUT_WR); the process exits when both directions ended. Like socat without fork:
 * one connection per process.
 *
 *   gcc -O2 -pthread -o splice-relay splice_relay.c && ./splice-relay 8080
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PIPE_BYTES (1 << 20)

struct direction {
  int from;
  int to;
  const char *name;
};

static void die(const char *what) {
  fprintf(stderr, "splice-relay: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void *relay(void *arg) {
  struct direction *d = arg;
  int pipe_fds[2];
  if (pipe(pipe_fds) < 0) die("pipe");
  fcntl(pipe_fds[1], F_SETPIPE_SZ, PIPE_BYTES); /* best effort: the default 64 KiB also works */
  for (;;) {
    ssize_t in = splice(d->from, NULL, pipe_fds[1], NULL, PIPE_BYTES, SPLICE_F_MOVE | SPLICE_F_MORE);
    if (in < 0 && errno == EINTR) continue;
    if (in < 0) die(d->name);
    if (in == 0) break; /* the sender's FIN */
    while (in > 0) {
      ssize_t out = splice(pipe_fds[0], NULL, d->to, NULL, (size_t) in, SPLICE_F_MOVE | SPLICE_F_MORE);
      if (out < 0 && errno == EINTR) continue;
      if (out <= 0) die(d->name);
      in -= out;
    }
  }
  shutdown(d->to, SHUT_WR); /* everything read has been written: pass the FIN on */
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: splice-relay UPSTREAM_PORT\n");
    return 2;
  }
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0 || bind(listener, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(listener, 1) < 0) die("listen");
  socklen_t len = sizeof addr;
  getsockname(listener, (struct sockaddr *) &addr, &len);
  printf("listening on %d\n", ntohs(addr.sin_port));
  fflush(stdout);

  int client = accept(listener, NULL, NULL);
  if (client < 0) die("accept");
  close(listener);
  struct sockaddr_in up = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
      .sin_port = htons((unsigned short) atoi(argv[1]))};
  int server = socket(AF_INET, SOCK_STREAM, 0);
  if (server < 0 || connect(server, (struct sockaddr *) &up, sizeof up) < 0) die("connect upstream");
  int one = 1;
  setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

  struct direction upstream = {client, server, "upstream"};
  struct direction downstream = {server, client, "downstream"};
  pthread_t up_thread, down_thread;
  pthread_create(&up_thread, NULL, relay, &upstream);
  pthread_create(&down_thread, NULL, relay, &downstream);
  pthread_join(up_thread, NULL);
  pthread_join(down_thread, NULL);
  close(client);
  close(server);
  return 0;
}
