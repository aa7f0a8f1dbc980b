// run by NetHarness's build after `mvn verify` of this sample (maven-invoker-plugin); not needed to use the sample
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('✔ It greets by name')
assert log.contains('Scenarios: 4 passed, 0 failed, 0 skipped (4 total)')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/netharness/junit.xml').isFile()
true
