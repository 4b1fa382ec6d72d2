import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The TUI started against a central PostgreSQL server that cannot be reached (issue 18): it opens,
/// says so on its status line, keeps trying, and lists the people once the server answers on that
/// address (a port forwarded to the test server, opened after the screen is up).
@Suite(.serialized)
struct StoreReconnectEndToEndTests {
    static let server = ProcessInfo.processInfo.environment["CAREERPATH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test("a closed port at start: the status line says so; the server opens on it: the people are listed; the CLI exits 4")
    func startsAwayThenLoads() async throws {
        guard TmuxSession.tmuxAvailable, let server = Self.server,
              let components = URLComponents(string: server), let host = components.host, let serverPort = components.port else {
            print("skipped: needs tmux and CAREERPATH_TEST_POSTGRES_URL (.ci/run sets both up)")
            return
        }
        let schema = "t_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let forwarder = try PortForwarder(to: host, port: serverPort)
        var away = components
        away.port = forwarder.port
        away.query = "schema=" + schema
        var direct = components
        direct.query = "schema=" + schema
        let awayURL = try #require(away.string), directURL = try #require(direct.string)

        // The records on the server: the demo roster in a schema of this test.
        let imported = try PlanCycleEndToEndTests.run(["import", "--data", TUITests.dataFolder, "--database", directURL,
                                                       TUITests.dataFolder + "/demo"])
        #expect(imported.status == 0, "\(imported.err)")
        defer {
            // Best effort: the schema goes with the throwaway server anyway.
            _ = try? PlanCycleEndToEndTests.run(["-X", "-q", "-d", server, "-c", "DROP SCHEMA IF EXISTS \(schema) CASCADE"], program: "/usr/bin/psql")
        }

        // The command line: exit 4 and a message naming the server.
        let cli = try PlanCycleEndToEndTests.run(["people", "--lang", "en", "--data", TUITests.dataFolder, "--database", awayURL])
        #expect(cli.status == 4, "\(cli.err)")
        #expect(cli.err.contains("cannot be reached"), "\(cli.err)")

        let tmux = TmuxSession()
        defer { tmux.stop() }
        try tmux.start("'\(TmuxSession.binary)' --lang en --data '\(TUITests.dataFolder)' --database '\(awayURL)'")
        try await tmux.waitFor(text: "The central personnel database cannot be reached")
        // Something typed meanwhile stays through the reconnect.
        try tmux.sendKeys("/")
        try tmux.sendLiteral("Thongkaeo")
        try forwarder.open()
        let loaded = try await tmux.waitFor(timeout: 40, "the people listed once the server answers") { screen in
            !screen.contains { $0.contains("cannot be reached") } && screen.contains { $0.contains("P000001") }
        }
        // The filter typed while the server was away is still there and applies to the list.
        #expect(loaded.contains { $0.contains("Thongkaeo Chansommutphan") }, "\(loaded.joined(separator: "\n"))")
        #expect(!loaded.contains { $0.contains("P000002") }, "\(loaded.joined(separator: "\n"))")
        forwarder.close()
    }
}

/// A loopback port that refuses connections until `open()`, then forwards each one to `host:port`.
final class PortForwarder: @unchecked Sendable {
    let port: Int
    private let host: String
    private let targetPort: Int
    private var listener: Int32 = -1

    /// Picks a free loopback port (bound, then released: nothing listens on it yet).
    init(to host: String, port targetPort: Int) throws {
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.targetPort = targetPort
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(fd) }
        var address = Self.address("127.0.0.1", 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    static func address(_ host: String, _ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    struct SocketError: Error { let call: String; let code: Int32 }

    /// Starts listening on `port` and forwarding.
    func open() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.address("127.0.0.1", port)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { Glibc.close(fd); throw SocketError(call: "bind/listen", code: errno) }
        listener = fd
        let host = host, targetPort = targetPort
        Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { return } }
                let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var target = PortForwarder.address(host, targetPort)
                let connected = withUnsafePointer(to: &target) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                guard connected == 0 else { Glibc.close(client); Glibc.close(upstream); continue }
                Thread { PortForwarder.pump(client, upstream) }.start()
            }
        }.start()
    }

    /// Copies bytes both ways until either side closes.
    static func pump(_ a: Int32, _ b: Int32) {
        defer { Glibc.close(a); Glibc.close(b) }
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while poll(&fds, 2, -1) > 0 {
            for (i, from) in [(0, a), (1, b)] where fds[i].revents != 0 {
                let to = from == a ? b : a
                let n = read(from, &buffer, buffer.count)
                if n <= 0 { return }
                var sent = 0
                while sent < n {
                    let w = buffer.withUnsafeBytes { write(to, $0.baseAddress! + sent, n - sent) }
                    if w <= 0 { return }
                    sent += w
                }
            }
        }
    }

    /// Stops accepting (connections already forwarded end with their processes).
    func close() {
        guard listener >= 0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        listener = -1
    }
}
