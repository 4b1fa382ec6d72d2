import Foundation
import Testing
import LocalSystem

/// Variables read one by one with `getenv` must be the ones Foundation's copy holds.
@Suite("Environment variables without Foundation")
struct ProcessEnvironmentTests {
    @Test("value and values agree with ProcessInfo, set and unset names alike")
    func agreesWithProcessInfo() {
        let environment = ProcessInfo.processInfo.environment
        let names = ["PATH", "HOME", "CAREERPATH_NO_SUCH_VARIABLE"]
        #expect(environment["PATH"] != nil, "PATH is set under swift test, so a set name is compared")
        for name in names {
            #expect(ProcessEnvironment.value(name) == environment[name])
        }
        let expected = environment.filter { names.contains($0.key) }
        #expect(ProcessEnvironment.values(names) == expected)
    }
}
