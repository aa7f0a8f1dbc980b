// run by NetHarness's build after `mvn verify` of this sample (maven-invoker-plugin); not needed to use the sample
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
true
