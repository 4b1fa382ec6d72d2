import Foundation
import LocalSystem

/// Where a PostgreSQL store is, from a `postgres://user@host:port/database?sslmode=require` URL.
/// The password is never in the URL (it would show in `ps` and shell histories): it comes from
/// `PGPASSWORD`, else the `.pgpass` file (`PGPASSFILE`, else `~/.pgpass`, only when private).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    /// A Unix socket folder (`?host=/var/run/postgresql`), used instead of TCP when set.
    public var socketFolder: String?
    public enum TLSMode: String, Sendable { case disable, prefer, require, verifyFull = "verify-full" }
    public var tls: TLSMode
    /// A schema to work in instead of `public` (`?schema=…`; the tests use one each).
    public var schema: String?

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `url`; throws a `StoreLocationError` naming what is wrong.
    public init(url: String, environment: [String: String] = ProcessEnvironment.values(["USER", "PGUSER"])) throws {
        guard Self.isURL(url), let components = URLComponents(string: url) else {
            throw StoreLocationError(th: "ที่อยู่ฐานข้อมูล `\(url)` ไม่ใช่ postgres://ผู้ใช้@เครื่อง:พอร์ต/ฐานข้อมูล",
                                     en: "`\(url)` is not a postgres://user@host:port/database URL")
        }
        if components.password != nil {
            throw StoreLocationError(th: "อย่าใส่รหัสผ่านในที่อยู่ฐานข้อมูล: ใช้ PGPASSWORD หรือไฟล์ ~/.pgpass",
                                     en: "do not put the password in the database URL: use PGPASSWORD or ~/.pgpass")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, b in b })
        user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? "disable") ?? (query["sslmode"] == "allow" ? .disable : nil) else {
            throw StoreLocationError(th: "sslmode=\(query["sslmode"] ?? "") ไม่รู้จัก (disable, prefer, require, verify-full)",
                                     en: "unknown sslmode=\(query["sslmode"] ?? "") (disable, prefer, require, verify-full)")
        }
        tls = mode
        schema = query["schema"].flatMap { $0.isEmpty ? nil : $0 }
        if let schema, !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw StoreLocationError(th: "ชื่อ schema `\(schema)` ใช้ได้เฉพาะตัวอักษร ตัวเลข และ _", en: "schema `\(schema)`: letters, digits and _ only")
        }
    }

    /// The URL without any secret, for messages and the audit log.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)"
        var options: [String] = []
        if tls != .disable { options.append("sslmode=\(tls.rawValue)") }
        if let socketFolder { options.append("host=\(socketFolder)") }
        if let schema { options.append("schema=\(schema)") }
        if !options.isEmpty { text += "?" + options.joined(separator: "&") }
        return text
    }

    /// The password from `PGPASSWORD`, else the first matching line of the `.pgpass` file; nil: none
    /// (the server may not ask for one).
    public func password(environment: [String: String] = ProcessEnvironment.values(["PGPASSWORD", "PGPASSFILE", "HOME"])) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.pgpass" } ?? NSHomeDirectory() + "/.pgpass"
        // Like libpq: a file others may read is not used.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return Self.pgpassLookup(text, host: socketFolder == nil ? host : "localhost", port: port, database: database, user: user)
    }

    /// The password of the first `.pgpass` line (`host:port:database:user:password`, `*` for any,
    /// `\:` and `\\` escaped) that matches.
    static func pgpassLookup(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for c in line {
                if escaped { fields[fields.count - 1].append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ":" && fields.count < 5 {
                    fields.append("")
                } else { fields[fields.count - 1].append(c) }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}

/// A `--database` / `CAREERPATH_DB` value that cannot be used, in Thai and English.
public struct StoreLocationError: Error, Sendable, CustomStringConvertible {
    public let th: String
    public let en: String
    public var description: String { en }
}
