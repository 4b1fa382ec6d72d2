import CareerCatalog
import Foundation
import Testing
@testable import CareerStore

/// The importer parses files in chunks on several threads; wherever the cuts fall, it must report the
/// same errors at the same places and write the same rows as when a file is read in one piece.
@Suite struct ImportChunkingTests {
    /// Cuts after every few records (several workers), versus each file in one chunk (one worker).
    static let tiny = ImportChunking(chunkSize: 200, firstChunkSize: 60, workers: 3)
    static let whole = ImportChunking(chunkSize: 1 << 26, firstChunkSize: 1 << 26, workers: 1)

    func importing(_ fixture: ImportFixture, _ chunking: ImportChunking) -> [String] {
        do {
            var importer = RecordImporter(catalog: TestCatalog.catalog)
            importer.chunking = chunking
            try importer.run(try ImportRequest.resolve([fixture.folder]), into: fixture.store)
            return []
        } catch let failure as ImportFailure {
            return failure.diagnostics.map { $0.description.replacingOccurrences(of: fixture.folder + "/", with: "") }
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    /// A generated roster whose people.csv has quoted names with commas and line breaks (CRLF in some),
    /// and, when `broken`, errors spread over every file. Returns the expected error prefixes.
    func writeRoster(to fixture: ImportFixture, broken: Bool) throws -> [String] {
        try DemoRoster(catalog: TestCatalog.catalog, people: 120, seed: 11).write(to: fixture.folder)
        var expected: [String] = []
        for kind in RecordFile.allCases {
            let path = fixture.folder + "/" + kind.fileName
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            var out = ""
            var physical = 1
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var row = String(line)
                if i > 0, !row.isEmpty {
                    var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    if kind == .people, i % 7 == 0 {
                        let breakText = i % 14 == 0 ? "\r\n" : "\n"
                        fields[2] = "\"\(fields[2]),\(breakText)(acting)\""
                    }
                    if broken, i % 37 == 0 {
                        switch kind {
                        case .people: fields[5] = "K9"; expected.append("people.csv:\(physical):6: error: unknown level `K9`")
                        case .assignments: fields[4] = "2021-02-30"; expected.append("assignments.csv:\(physical):5: error: no such date")
                        case .assessments: fields[2] = "7"; expected.append("assessments.csv:\(physical):3: error: assessment level `7`")
                        case .trainings: fields[1] = "zz-course"; expected.append("trainings.csv:\(physical):2: error: unknown course `zz-course`")
                        case .levelHistory: fields[0] = "P999999"; expected.append("level_history.csv:\(physical):1: error: unknown person `P999999`")
                        }
                    }
                    row = fields.joined(separator: ",")
                }
                physical += CSVChunkReader.lineBreaks(in: row) + 1
                out += row + "\n"
            }
            try fixture.write(kind.fileName, Data(out.dropLast().utf8))
        }
        return expected
    }

    @Test func tinyChunksReportTheSameErrorsAtTheSamePlaces() throws {
        let a = try ImportFixture(files: [:]), b = try ImportFixture(files: [:])
        let expected = try writeRoster(to: a, broken: true)
        _ = try writeRoster(to: b, broken: true)
        let whole = importing(a, Self.whole)
        let tiny = importing(b, Self.tiny)
        #expect(expected.count > 10 && expected.count < 100)
        #expect(whole.count == expected.count)
        #expect(tiny == whole)
        for (line, prefix) in zip(tiny, expected) {
            #expect(line.hasPrefix(prefix))
        }
        #expect(try b.store.peopleCount() == 0)
    }

    @Test func tinyChunksWriteTheSameRows() throws {
        let a = try ImportFixture(files: [:]), b = try ImportFixture(files: [:])
        _ = try writeRoster(to: a, broken: false)
        _ = try writeRoster(to: b, broken: false)
        #expect(importing(a, Self.whole) == [])
        #expect(importing(b, Self.tiny) == [])
        #expect(try b.store.peopleCount() == 120)
        let snapshot = try b.snapshot()
        #expect(try a.snapshot() == snapshot)
        let names = try b.store.people(unit: nil, viewer: .system).map(\.nameEN)
        #expect(names.contains { $0.hasSuffix(",\n(acting)") } && names.contains { $0.hasSuffix(",\r\n(acting)") })
        // Importing again over the same people (the upsert and history replacement paths) changes nothing.
        #expect(importing(b, Self.tiny) == [])
        #expect(try b.snapshot() == snapshot)
    }

    /// Bad bytes deep in a file: the rows before them are still checked, and the error points at their line.
    @Test func invalidUTF8InALaterChunk() throws {
        let fixture = try ImportFixture(files: [:])
        try DemoRoster(catalog: TestCatalog.catalog, people: 120, seed: 11).write(to: fixture.folder)
        var lines = try String(contentsOfFile: fixture.folder + "/assessments.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count > 30)
        lines[9] = lines[9].replacingOccurrences(of: ",", with: ",zz-", options: [], range: lines[9].range(of: ","))
        var bytes = Data(lines.joined(separator: "\n").utf8)
        let offset = lines[..<25].reduce(0) { $0 + $1.utf8.count + 1 } + 3
        bytes.insert(0xE9, at: offset)
        try fixture.write("assessments.csv", bytes)
        let errors = importing(fixture, Self.tiny)
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("assessments.csv:10:2: error: unknown competency `zz-") == true)
        #expect(errors.last == "assessments.csv:26:1: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8")
        #expect(importing(fixture, Self.whole) == errors)
    }

    /// A chunk without quotes or carriage returns is split by hand (`CSVChunkReader.splitPlain`); its rows
    /// must be those CSV.swift reads from the same text: blank lines, empty and trailing fields, Thai
    /// text, a last line with and without its line feed.
    @Test func plainChunksSplitAsCSVSwiftReadsThem() throws {
        let folder = NSTemporaryDirectory() + "careerpath-split-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pieces = ["", "a", "สมชาย ใจดี", " x ", "P000001", "2025-06-01", "5", "ก,ข"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<60 {
            var lines = ["h1,h2,h3"]
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                lines.append((0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: ","))
            }
            // (A last line that is empty and unended is no line at all: CSV.swift reads nothing there either.)
            lines.append("z,")
            let body = lines.joined(separator: "\n") + (round % 2 == 0 ? "\n" : "")
            // The same rows read by CSV.swift: a quoted row after them makes the chunk not plain.
            let plain = try Self.rows(of: body, in: folder)
            let quoted = try Self.rows(of: body + (round % 2 == 0 ? "" : "\n") + "\"q\"\n", in: folder)
            #expect(plain.map(\.fields) == quoted.dropLast().map(\.fields), "\(body.debugDescription)")
            #expect(plain.map(\.line) == quoted.dropLast().map(\.line), "\(body.debugDescription)")
            #expect(quoted.last?.fields == ["q"])
        }
    }

    /// The rows after the header of a file holding `text`, read in one chunk.
    static func rows(of text: String, in folder: String) throws -> [(line: Int, fields: [String])] {
        let path = folder + "/t.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try CSVChunkReader(path: path, displayPath: "t.csv", chunking: whole).firstRows.map { ($0.line, $0.fields) }
    }
}
