/// The `action` values the kiosk and the account commands write to the audit log.
/// (Record views are written by `PersonnelStore.record(personID:viewer:screen:)` as `view`.)
public enum AuditAction: String, Sendable, CaseIterable {
    case signIn = "sign-in"
    case signInFailed = "sign-in-failed"
    case signOut = "sign-out"
    /// The kiosk wiped the screen after the idle time-out.
    case timeout
    case setPIN = "set-pin"
    case grantHR = "grant-hr"
    case revokeHR = "revoke-hr"
    case unlock
    /// The kiosk's operator exit: the operator PIN accepted, or refused (counted toward its lock).
    case operatorExit = "operator-exit"
    case operatorExitRefused = "operator-exit-refused"
}
