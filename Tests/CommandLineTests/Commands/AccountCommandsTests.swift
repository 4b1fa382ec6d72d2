import CareerStore
import Foundation
import Testing
@testable import careerpath

/// `accounts …` and the PIN cost every PIN command and the kiosk use (`PINCost`, issue 16 item 7).
@Suite("accounts: the PIN cost")
struct AccountCommandsTests {
    @Test("full strength without the test setting or with a bad one; the test cost only in a debug build, and a full-strength check refuses its hashes")
    func pinCost() throws {
        let production = PINCost.hasher(environment: [:])
        #expect(production.iterations == PINHasher.minimumIterations && production.floor == PINHasher.minimumIterations)
        for bad in ["", "abc", "0", "-5"] {
            #expect(PINCost.hasher(environment: [PINCost.environmentName: bad]).iterations == PINHasher.minimumIterations, "\(bad)")
        }
        let test = PINCost.hasher(environment: [PINCost.environmentName: "1000"])
        #if DEBUG
        #expect(test.iterations == 1000)
        let pin = try PIN("2568")
        let weak = try test.hash(pin)
        #expect(test.verify(pin, against: weak))
        #expect(!production.verify(pin, against: weak), "a release kiosk (full strength) refuses a test-cost row")
        #else
        #expect(test.iterations == PINHasher.minimumIterations, "a release build ignores the setting")
        #endif
    }
}
