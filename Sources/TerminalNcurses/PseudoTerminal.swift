#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// A pseudo-terminal pair for tests and the bench: open `NcursesTerminal` on `slave`, type
/// keys with `send`, and count what the program wrote with `drain` (e.g. "a cursor move in a
/// list writes at most 200 bytes"). Drain after each flush: an undrained master eventually
/// blocks the writer.
public final class PseudoTerminal {
    /// The side the program under test sees as its terminal.
    public let slave: Int32
    /// The side that plays the user and the screen.
    public let master: Int32
    /// Bytes read from the master so far.
    public private(set) var totalBytes = 0

    public init(width: Int, height: Int) throws(TerminalError) {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard cp_openpty(&master, &slave, Int32(height), Int32(width)) == 0 else {
            throw TerminalError(.system, "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        self.master = master
        self.slave = slave
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        close(master)
        close(slave)
    }

    /// Changes the window size the slave reports (the program notices on its next read timeout).
    public func resize(width: Int, height: Int) {
        cp_set_tty_size(master, Int32(height), Int32(width))
    }

    /// Types bytes as the user would ("\u{1B}OA" is ↑ on xterm, "\u{1B}[21~" is F10).
    public func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(master, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
    }

    /// Waits until the program has written something or its process has ended (`exitNotice`, from
    /// `exitNotice(of:)`), whichever comes first, at most a second: output is read as soon as it is
    /// there, as a terminal emulator reads it, and the exit is seen the moment it happens. Without a
    /// notice (-1: no pidfd on this kernel) it waits a fifth of a millisecond.
    public func waitForOutput(orExit exitNotice: Int32) {
        guard exitNotice >= 0 else { usleep(200); return }
        var waits = [pollfd(fd: master, events: Int16(POLLIN), revents: 0),
                     pollfd(fd: exitNotice, events: Int16(POLLIN), revents: 0)]
        _ = poll(&waits, 2, 1000)
    }

    /// A descriptor that becomes readable when process `pid` ends (pidfd_open(2)), for
    /// `waitForOutput(orExit:)`; -1 where the kernel has none. The caller closes it.
    public static func exitNotice(of pid: pid_t) -> Int32 {
        cp_pidfd_open(pid)
    }

    /// Reads everything the program has written since the last drain.
    @discardableResult
    public func drain() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        totalBytes += result.count
        return result
    }
}
