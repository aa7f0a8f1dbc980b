def log = new File(basedir, 'build.log').getText('UTF-8')

// 1: <threads>
assert log.contains('Bad netharness:run configuration: <threads> must be at least 1, got 0;'
    + ' set <threads>4</threads> or -Dnetharness.threads=4')
// 2: <features>
assert log.contains("Bad netharness:run configuration: <features> entry 'src/test/featurs' does not exist")
assert log.contains('set <features><feature>path/to/features</feature></features>')
// 3: <faults>
assert log.contains('Bad netharness:run configuration: <faults> must be embedded, toxiproxy or testcontainers,'
    + ' not "docker"; set <faults>embedded</faults>')
// 4: proxy-start <config>: the API's own complaint, and no server left behind
assert log =~ /Bad netharness:proxy-start configuration: <config> \S*broken-toxiproxy.json toxic \{"type":"latencyy".*\} of proxy app was refused \(HTTP 400\): invalid toxic type/
assert !log.contains('Toxiproxy API on http')

// never a stack trace, never a scenario run
assert !(log =~ /\n\s+at [a-z]/)
assert !log.contains('Scenarios:')
true
