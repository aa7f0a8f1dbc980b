def log = new File(basedir, 'build.log').getText('UTF-8')

// run printed the scenarios and the summary as netharness run does
assert log.contains('✔ Both sides agree on UTF-8')
assert log.contains('✘ The sender and the receiver disagree on the encoding')
assert log.contains('Scenarios: 1 passed, 1 failed, 0 skipped (2 total)')

// verify failed the build with the scenario, the step and what arrived
def error = log.substring(log.indexOf('[ERROR] Failed to execute goal'))
assert error.contains(':verify')
assert error.contains('NetHarness 1 of 2 scenarios failed')
assert error.contains('Encodings › The sender and the receiver disagree on the encoding')
assert error.contains('Step Then "srv" receives "哈哈" from "alice" failed: ExpectationFailedException')
assert error.contains('[ERROR]     00000000  b9 fe b9 fe')   // the hexdump keeps its lines
// ... and no stack trace anywhere
assert !log.contains('\tat io.netharness')
assert !log.contains('\tat org.apache.maven')
true
