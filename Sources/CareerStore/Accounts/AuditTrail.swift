import Foundation

extension PersonnelStore {
    /// Audit rows for `careerpath audit`, oldest first: with `person`, the rows where they acted
    /// (their sign-ins, the records they opened) and the rows about them (who opened theirs);
    /// with `since`, rows at or after that ISO 8601 UTC timestamp.
    public func auditTrail(person: String? = nil, since: String? = nil) throws -> [AuditEntry] {
        try database.read { db in
            var conditions: [String] = []
            var arguments: SQLArguments = []
            if let person { conditions.append("(actor = ? OR subject = ?)"); arguments += [person, person] }
            if let since { conditions.append("at >= ?"); arguments += [since] }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try SQLRow.fetchAll(db, sql: "SELECT at, actor, subject, action, screen, terminal, detail FROM audit_log\(filter) ORDER BY id",
                                    arguments: arguments).map {
                AuditEntry(at: $0[0], actor: $0[1], subject: $0[2], action: $0[3], screen: $0[4], terminal: $0[5], detail: $0[6])
            }
        }
    }
}
