// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for CareerPath's parsers, kept out of the main package's build and tests: built
// only by `scripts/fuzz.sh` with `-sanitize=fuzzer,address` (one scratch folder, `.build-fuzz`).
// Each target is a `main.swift` that hands libFuzzer's `LLVMFuzzerRunDriver` the input function:
// SwiftPM links executables with `main` renamed to the module's own entry point, which would hide
// libFuzzer's `main`.
let package = Package(
    name: "CareerPathFuzz",
    dependencies: [.package(name: "CareerPath", path: "..")],
    targets: [
        // libFuzzer's driver entry, declared for Swift.
        .target(name: "CFuzzDriver"),
        // Runs the driver; writes an input to a private temporary file for code that reads files.
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        // CSV: CSVChunkReader (header, byte-order mark, chunk cuts) and RowChecker, all five kinds. The
        // import's reading and checks are their own library: no database drivers in the sanitized build.
        .executableTarget(name: "FuzzCSV", dependencies: [
            "FuzzSupport", .product(name: "CareerImport", package: "CareerPath"),
            .product(name: "CareerCatalog", package: "CareerPath"),
        ]),
        // Dates and numbers as typed: TypedDate, ImportDate, DateText, CivilDate(iso:).
        .executableTarget(name: "FuzzDates", dependencies: [
            "FuzzSupport", .product(name: "CareerImport", package: "CareerPath"),
            .product(name: "CareerCatalog", package: "CareerPath"),
        ]),
        // One catalog YAML file of any kind: YAMLSource, the decoders, the validator.
        .executableTarget(name: "FuzzCatalog", dependencies: [
            "FuzzSupport", .product(name: "CareerCatalog", package: "CareerPath"),
        ]),
        // Terminal input: EscapeSequenceParser as the ncurses adapter drives it, and key codes.
        .executableTarget(name: "FuzzKeys", dependencies: [
            "FuzzSupport", .product(name: "TerminalUI", package: "CareerPath"),
        ]),
    ]
)
