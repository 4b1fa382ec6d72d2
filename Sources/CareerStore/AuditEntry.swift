
/// One row of the audit log: who looked at whom, when, from which screen and terminal.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var at: String
    public var actor: String
    public var subject: String?
    public var action: String
    public var screen: String
    public var terminal: String
    public var detail: String

    public init(at: String, actor: String, subject: String?, action: String, screen: String, terminal: String, detail: String) {
        self.at = at; self.actor = actor; self.subject = subject; self.action = action
        self.screen = screen; self.terminal = terminal; self.detail = detail
    }
}

extension PersonnelStore {
    /// Audit rows, oldest first, optionally about one person and from an ISO timestamp or date on.
    public func auditEntries(subject: String? = nil, since: String? = nil) throws -> [AuditEntry] {
        try database.read { db in
            var conditions: [String] = []
            var arguments: SQLArguments = []
            if let subject { conditions.append("subject = ?"); arguments += [subject] }
            if let since { conditions.append("at >= ?"); arguments += [since] }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try SQLRow.fetchAll(db, sql: "SELECT at, actor, subject, action, screen, terminal, detail FROM audit_log\(filter) ORDER BY id",
                                    arguments: arguments).map {
                AuditEntry(at: $0[0], actor: $0[1], subject: $0[2], action: $0[3], screen: $0[4], terminal: $0[5], detail: $0[6])
            }
        }
    }
}
