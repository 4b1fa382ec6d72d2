import Foundation
import Testing
@testable import CareerCatalog

@Suite("Finding the data folder")
struct CatalogLocatorTests {
    let valid = CatalogFixture.valid
    let nowhere = URL(fileURLWithPath: "/nonexistent/careerpath")

    @Test func optionComesFirst() throws {
        let locator = CatalogLocator(option: valid.path, environment: ["CAREERPATH_DATA": "/elsewhere"],
                                     workingDirectory: nowhere, executable: nil, sourceCheckout: nil)
        #expect(try locator.locate() == valid)
    }

    @Test func environmentBeforeWorkingDirectory() throws {
        let locator = CatalogLocator(option: nil, environment: ["CAREERPATH_DATA": valid.path],
                                     workingDirectory: nowhere, executable: nil, sourceCheckout: nil)
        #expect(try locator.locate() == valid)
    }

    @Test func relativeOptionIsResolvedAgainstTheWorkingDirectory() throws {
        let locator = CatalogLocator(option: "valid", environment: [:], workingDirectory: CatalogFixture.fixtures,
                                     executable: nil, sourceCheckout: nil)
        #expect(try locator.locate().path == valid.path)
    }

    /// `~` is HOME, as the shell expands it, whatever HOME is: not the account's home folder
    /// (which Foundation's `expandingTildeInPath` gives), so the suite passes with any HOME.
    @Test func tildeIsTheHomeFolder() {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let folder = home.hasSuffix("/") ? home : home + "/"
        let locator = CatalogLocator(option: "~/careerpath-data", environment: [:], workingDirectory: nowhere,
                                     executable: nil, sourceCheckout: nil)
        #expect(locator.candidates.first?.path == folder + "careerpath-data")
        let bare = CatalogLocator(option: "~", environment: [:], workingDirectory: nowhere, executable: nil, sourceCheckout: nil)
        #expect(bare.candidates.first?.path == home)
    }

    @Test func installedShareFolderBeforeSourceCheckout() throws {
        let locator = CatalogLocator(option: nil, environment: [:], workingDirectory: nowhere,
                                     executable: URL(fileURLWithPath: "/opt/careerpath/bin/careerpath"),
                                     sourceCheckout: valid)
        #expect(locator.candidates.map(\.url.path) == [
            "/nonexistent/careerpath/Data", "/opt/careerpath/share/careerpath/Data", valid.path,
        ])
        #expect(try locator.locate() == valid)
    }

    @Test func aMissingExplicitFolderIsAnErrorNotSkipped() {
        let locator = CatalogLocator(option: "/nonexistent/data", environment: [:], workingDirectory: nowhere,
                                     executable: nil, sourceCheckout: valid)
        #expect(throws: CatalogLocator.NotFound.self) { try locator.locate() }
        #expect(throws: CatalogLocator.NotFound.self) {
            try CatalogLocator(option: nil, environment: ["CAREERPATH_DATA": "/nonexistent/data"], workingDirectory: nowhere,
                               executable: nil, sourceCheckout: valid).locate()
        }
    }

    @Test func notFoundSaysEveryPlaceItLooked() {
        let locator = CatalogLocator(option: nil, environment: [:], workingDirectory: nowhere,
                                     executable: URL(fileURLWithPath: "/nonexistent/bin/careerpath"),
                                     sourceCheckout: URL(fileURLWithPath: "/nonexistent/checkout/Data"))
        do {
            _ = try locator.locate()
            Issue.record("expected NotFound")
        } catch {
            #expect(error.description == """
                error: cannot find the reference data folder; looked in:
                  /nonexistent/careerpath/Data  (the working directory)
                  /nonexistent/share/careerpath/Data  (the installed share folder)
                  /nonexistent/checkout/Data  (the source checkout)
                Pass --data DIR or set CAREERPATH_DATA to the folder with ladder.yaml, job-lines/ …
                """)
        }
    }

    @Test func notFoundIsSaidInThai() {
        let missing = CatalogLocator(option: "/nonexistent/data", environment: [:], workingDirectory: nowhere,
                                     executable: nil, sourceCheckout: valid)
        do {
            _ = try missing.locate()
            Issue.record("expected NotFound")
        } catch {
            #expect(error.text(.th) == "error: ไม่มีโฟลเดอร์ข้อมูล /nonexistent/data ที่ระบุด้วย --data")
            #expect(error.text(.en) == "error: the data folder /nonexistent/data given by --data does not exist")
        }
        let nowhereAtAll = CatalogLocator(option: nil, environment: [:], workingDirectory: nowhere,
                                          executable: nil, sourceCheckout: URL(fileURLWithPath: "/nonexistent/checkout/Data"))
        do {
            _ = try nowhereAtAll.locate()
            Issue.record("expected NotFound")
        } catch {
            #expect(error.text(.th) == """
                error: หาโฟลเดอร์ข้อมูลอ้างอิงไม่พบ ได้ค้นใน:
                  /nonexistent/careerpath/Data  (โฟลเดอร์ที่ทำงานอยู่)
                  /nonexistent/checkout/Data  (ซอร์สโค้ดที่ใช้สร้างโปรแกรม)
                ระบุ --data โฟลเดอร์ หรือตั้ง CAREERPATH_DATA เป็นโฟลเดอร์ที่มี ladder.yaml, job-lines/ …
                """)
        }
    }

    @Test func sourceCheckoutIsTheRepositoryData() {
        #expect(CatalogLocator.sourceCheckoutData(filePath: "/repo/Sources/CareerCatalog/Loading/CatalogLocator.swift").path == "/repo/Data")
    }
}
