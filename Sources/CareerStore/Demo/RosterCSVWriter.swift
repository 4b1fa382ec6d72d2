import CareerCatalog
import CareerEngine
import CareerImport
import Foundation

/// Writes person records as the five import CSV files, streaming (a 100,000-person roster never
/// sits in memory). CSV.swift's writer issues one stream write per byte, far too slow for the
/// benchmark roster, so quoting (RFC 4180: quote fields with `,` `"` or line breaks, double the quotes)
/// is done here; reading always goes through CSV.swift.
final class RosterCSVWriter {
    private final class Sink {
        let handle: FileHandle
        var buffer: [UInt8] = []
        var rows = 0
        init(_ handle: FileHandle) { self.handle = handle; buffer.reserveCapacity(1 << 20) }

        func row(_ fields: [String]) throws {
            for (i, field) in fields.enumerated() {
                if i > 0 { buffer.append(0x2C) }
                let bytes = field.utf8
                if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                    buffer.append(0x22)
                    for b in bytes {
                        if b == 0x22 { buffer.append(0x22) }
                        buffer.append(b)
                    }
                    buffer.append(0x22)
                } else {
                    buffer.append(contentsOf: bytes)
                }
            }
            buffer.append(0x0A)
            rows += 1
            if buffer.count >= 1 << 20 { try flush() }
        }

        func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private var sinks: [RecordFile: Sink] = [:]

    /// Creates `folder` and the five files with their header rows.
    init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for kind in RecordFile.allCases {
            let path = folder + "/" + kind.fileName
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            let sink = Sink(handle)
            try sink.row(kind.columns)
            sink.rows = 0
            sinks[kind] = sink
        }
    }

    /// Row counts per file (headers excluded).
    var counts: [RecordFile: Int] { sinks.mapValues(\.rows) }

    /// How one person's dates and level are spelled: ISO and our ids by default; some demo rows use
    /// the Buddhist era, Thai digits or the Thai level name, as HR files do.
    struct Spelling {
        var buddhistEra = false
        var thaiDigits = false
        var thaiLevelName: String?
    }

    func write(_ record: PersonRecord, spelling: Spelling = Spelling()) throws {
        let p = record.person
        func date(_ d: CivilDate) -> String {
            guard spelling.buddhistEra else { return d.iso }
            let text = (d.day < 10 ? "0" : "") + "\(d.day)/" + (d.month < 10 ? "0" : "") + "\(d.month)/\(d.year + CivilDate.buddhistEraOffset)"
            return spelling.thaiDigits ? RosterCSVWriter.thaiDigits(text) : text
        }
        try sinks[.people]?.row([p.id, p.nameTH, p.nameEN, p.unit, p.jobLine, spelling.thaiLevelName ?? p.level,
                                 date(p.levelSince), date(p.serviceStart), p.education, p.supervisorID ?? ""])
        for a in record.assignments {
            try sinks[.assignments]?.row([p.id, a.unit, a.field ?? "", a.role.rawValue, a.start.iso, a.end?.iso ?? ""])
        }
        for a in record.assessments {
            try sinks[.assessments]?.row([p.id, a.competency, String(a.level), a.assessedOn.iso, a.assessor.rawValue])
        }
        for t in record.trainings {
            try sinks[.trainings]?.row([p.id, t.course, t.completedOn.iso])
        }
        for l in record.levelHistory {
            try sinks[.levelHistory]?.row([p.id, l.jobLine, l.level, l.start.iso, l.end?.iso ?? ""])
        }
    }

    func close() throws {
        for sink in sinks.values {
            try sink.flush()
            try sink.handle.close()
        }
    }

    static func thaiDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0x30...0x39).contains(s.value) ? Unicode.Scalar(s.value - 0x30 + 0x0E50) ?? s : s
        }))
    }
}
