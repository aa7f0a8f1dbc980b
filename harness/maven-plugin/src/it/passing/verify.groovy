def log = new File(basedir, 'build.log').getText('UTF-8')
def reports = new File(basedir, 'target/netharness')

assert log.contains("✔ The server replies on the client's own connection")
assert log.contains('Scenarios: 1 passed, 0 failed, 0 skipped (1 total)')
assert !log.contains('Left out by the tag expression')
assert log.contains('BUILD SUCCESS')
['report.html', 'junit.xml', 'cucumber.json', 'cucumber.ndjson'].each { name ->
  assert new File(reports, name).isFile() : "no $name in $reports"
}
// the run left the Maven JVM's system properties as it found them: nothing to check from here, but the
// seed reached the run through the parameter
assert new File(reports, 'junit.xml').getText('UTF-8').contains('tests="1"')
true
