import ArgumentParser
import Foundation
import LocalSystem
#if canImport(Glibc)
import Glibc
#endif
import TerminalUI

/// The one way the command line writes text. Everything goes through `TextWidth.terminalSafe` (the
/// rule the TUI's grid follows): a name holding an escape sequence (OSC 52, a title, ESC [2J, DCS),
/// BEL, a C1 control or a bidi override is written without them, whatever command prints it.
///
/// `print` below stands in for the standard library's in this module, so a command cannot write
/// around the sink; `OutputTests` checks no file here writes to the standard streams another way.
enum Output {
    static func standardOutput(_ text: String) {
        send(text, to: STDOUT_FILENO)
    }

    static func standardError(_ text: String) {
        send(text, to: STDERR_FILENO)
    }

    /// When standard output is a new empty file (`> kiosk-operator-pin`, made with the shell's umask),
    /// narrows it to the private mode (`PrivateFiles.restrictNewOutput`) before anything is written.
    static func keepNewOutputFilePrivate() {
        PrivateFiles.restrictNewOutput(STDOUT_FILENO)
    }

    /// One line to standard error (a line feed added when missing).
    static func errorLine(_ message: String) {
        standardError(message.hasSuffix("\n") ? message : message + "\n")
    }

    /// Straight to the descriptor (no buffer to flush at exit); a closed pipe ends the writing.
    private static func send(_ text: String, to descriptor: Int32) {
        var safe = TextWidth.terminalSafe(text)
        safe.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                written += n
            }
        }
    }

    /// Ends the process: a thrown error's message (ArgumentParser's wording: help on standard
    /// output, errors on standard error) through the sink, then its exit code.
    static func exit(_ error: Error?) -> Never {
        guard let error else { Foundation.exit(CommandExit.success) }
        let message = CareerPathCommand.fullMessage(for: error)
        let code = CareerPathCommand.exitCode(for: error)
        if !message.isEmpty {
            if code == .success { standardOutput(message + "\n") } else { errorLine(message) }
        }
        Foundation.exit(code.rawValue)
    }
}

/// The standard library's `print`, through the sink (`Output`).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Output.standardOutput(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
