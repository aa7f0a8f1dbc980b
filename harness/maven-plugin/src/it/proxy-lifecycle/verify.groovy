def log = new File(basedir, 'build.log').getText('UTF-8')

def started = (log =~ /Toxiproxy API on (http:\/\/127\.0\.0\.1:(\d+)) \(\$\{netharness\.toxiproxy\.url\}\)/)
assert started.find() : 'proxy-start did not print its URL'
def url = started.group(1)
int port = started.group(2) as int

// the /populate file: a proxy and its toxic
assert log =~ /app: 127\.0\.0\.1:\d+ -> 127\.0\.0\.1:7000/
assert log.contains('app: toxic latency_downstream {"latency":100,"jitter":0}')

// the scenarios used that server (the toxiproxy backend fails without one)
assert log.contains('✔ An echo through a proxy on that server')
assert log.contains('✘ A scenario that fails does not keep the server running')

// stopped in post-integration-test, before verify failed the build
int stopped = log.indexOf("Toxiproxy API on ${url} stopped")
int failed = log.indexOf('[ERROR] Failed to execute goal')
assert stopped > 0 && failed > stopped
assert log.substring(failed).contains('Step Then "bob" receives "pong" failed')

// and the port is closed
try {
  new Socket('127.0.0.1', port).close()
  assert false : "something still listens on $port"
} catch (ConnectException expected) {
}
true
