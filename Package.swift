// swift-tools-version:6.0
import PackageDescription

// Linux only (libncurses-dev, libicu-dev): the release link flags name the static archives of
// swift-corelibs Foundation and GNU ld options, and the system libraries are found where apt
// puts them. No other platform is claimed because none is built or tested; a port would start
// by guarding the link flags with `.when(platforms: [.linux])`.
// Every module of ours is optimized in debug builds too (test targets and dependencies are not):
// the tests render thousands of frames, run the engine over whole rosters and start the debug
// binary in tmux, and unoptimized generic code made `swift test` take 81 s instead of about 40 s
// on 2 cores. `DEBUG` and `-enable-testing` still apply, so `@testable import` and the test-only
// settings (`PINCost`) work as before; step through in a debugger with `-Onone` set here.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

// Release builds take ICU, ncurses, SQLite and the C++ library from the system's static archives
// (libicu-dev, libncurses-dev, libsqlite3-dev and gcc ship them): loading the shared ones (ICU is
// three libraries of C++ with thousands of relocations) cost about 3 ms of every start
// (`careerpath person`: 18.9 → 16.8 ms median with ICU and ncurses, 12.0 → 10.9 ms with SQLite and
// libstdc++ too, on a quieter host). `SystemArchives/` links to those archives where Debian 12 puts
// them and is searched before the system folders, so the module maps' `-licuuc`, `-lncursesw`,
// `-lsqlite3` and the toolchain's `-lstdc++` find the archive; on another layout the links dangle
// and the linker goes on to the shared libraries. The debug build (`swift run`, `swift test`) links
// the shared ones.
let systemArchives = String(#filePath.dropLast("Package.swift".count)) + "SystemArchives"

let package = Package(
    name: "CareerPath",
    products: [
        .executable(name: "careerpath", targets: ["careerpath"]),
        // For the fuzz package in Fuzzing/ (scripts/fuzz.sh), which depends on this one by path.
        .library(name: "CareerCatalog", targets: ["CareerCatalog"]),
        .library(name: "CareerImport", targets: ["CareerImport"]),
        .library(name: "CareerStore", targets: ["CareerStore"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        // Named by the PostgreSQL store (event loops, TLS, the driver's logger); postgres-nio brings them anyway.
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // System libraries: ncursesw for the terminal, ICU for Thai line breaking.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CICU", providers: [.apt(["libicu-dev"])]),

        // Files and environment variables read with the C library, for code on the first-paint
        // path (docs/architecture.md, "The first paint").
        .target(name: "LocalSystem", swiftSettings: optimizedInDebug),
        // Reference data: typed model, YAML loader, validator.
        .target(name: "CareerCatalog", dependencies: ["LocalSystem", .product(name: "Yams", package: "Yams")],
                swiftSettings: optimizedInDebug),
        // Pure rules: no I/O, no UI.
        .target(name: "CareerEngine", dependencies: ["CareerCatalog"], swiftSettings: optimizedInDebug),
        // The CSV import's reading and per-row checks (files, rows, dates, levels, messages): no database,
        // so the fuzz targets build it without the store's drivers.
        .target(name: "CareerImport", dependencies: [
            "CareerCatalog", "CareerEngine", .product(name: "CSV", package: "CSV.swift"),
        ], swiftSettings: optimizedInDebug),
        // Personnel records, plans, accounts, audit (SQLite through GRDB, or PostgreSQL); CSV import.
        .target(name: "CareerStore", dependencies: [
            "CareerCatalog", "CareerEngine", "CareerImport", "LocalSystem",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The raw SQLite C API, for binding import rows without allocation.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            // PBKDF2 for kiosk PINs (salted, slow, not hand-written).
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            // The PostgreSQL store (a central database for several offices), behind the same session.
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: optimizedInDebug),
        // Terminal-independent UI toolkit: cell grid, Thai width, wrapping and collation, widgets, diff.
        .target(name: "TerminalUI", dependencies: ["CICU"], swiftSettings: optimizedInDebug),
        // The only code that calls ncurses.
        .target(name: "TerminalNcurses", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: optimizedInDebug),
        // App state, update function, screens, keymaps.
        .target(name: "CareerApp", dependencies: ["CareerCatalog", "CareerEngine", "TerminalUI"], swiftSettings: optimizedInDebug),
        .executableTarget(name: "careerpath", dependencies: [
            "CareerCatalog", "CareerEngine", "CareerStore", "TerminalUI", "TerminalNcurses", "CareerApp", "LocalSystem",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: optimizedInDebug, linkerSettings: [
            // Release builds carry the Swift runtime and Foundation inside the binary: loading and
            // relocating their shared libraries cost more than everything else before the first
            // screen (`careerpath bench ui`). The modules were compiled against the shared
            // Foundation, so its static archives and what they need are named here, in one group.
            // No dynamic symbol table of every Swift symbol: the runtime's `dladdr` calls at
            // start-up walked all 19,000 of them. Not position-independent: a PIE's ~100,000
            // relative relocations cost the loader about a millisecond and copy every page of
            // metadata they touch.
            .unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group",
                          "-lFoundation", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
                          "-l_FoundationCollections", "-lFoundationEssentials", "-lFoundationInternationalization",
                          "-lswiftSynchronization", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime", "-lswiftCore",
                          "-Xlinker", "--end-group", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-no-pie",
                          // What the shared ICU and ncurses name as their own dependencies, and the C++
                          // library again after the Foundation archives that need it.
                          "-L" + systemArchives, "-licudata", "-ltinfo", "-lstdc++"],
                         .when(configuration: .release)),
        ]),

        .testTarget(name: "LocalSystemTests", dependencies: ["LocalSystem"]),
        .testTarget(name: "CareerCatalogTests", dependencies: ["CareerCatalog"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CareerEngineTests", dependencies: ["CareerEngine", "CareerCatalog"]),
        .testTarget(name: "CareerStoreTests", dependencies: ["CareerStore", "CareerCatalog", "CareerEngine"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalNcurses"]),
        // Goldens are read from the source tree (by #filePath), not bundled: excluded, not resources.
        .testTarget(name: "CareerAppTests", dependencies: ["CareerApp", "TerminalUI", "CareerCatalog", "CareerEngine", "CareerStore"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "CommandLineTests", dependencies: ["careerpath", "PrintTesting"], exclude: ["Goldens"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PrintTesting"]),
        // Headless Chromium and poppler-utils for the printing tests of both targets above.
        .target(name: "PrintTesting", path: "Tests/PrintTesting"),
    ]
)
