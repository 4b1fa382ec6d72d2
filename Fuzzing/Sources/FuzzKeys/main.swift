// Terminal input: the bytes are what ncurses hands the adapter, read the way
// `NcursesTerminal.readInput` reads them: an ESC starts an `EscapeSequenceParser`, fed until it is
// done, its replayed codes read again. 0xFF stands for the escape delay running out and 0xFE for a
// key ncurses decoded itself. Every code must be used up in a bounded number of steps, and every
// event must make sense (mouse cells not negative, decoded F-keys 1–12, named ones 1–24). Key names (`KeyEvent(parsing:)`)
// and character codes (`KeyEvent.fromCharacterCode`) are read too.
import FuzzSupport
import TerminalUI

enum KeysFuzz {
    enum Read { case code(UInt32), key, timeout }

    static func run(_ input: [UInt8]) {
        var reads: [Read] = []
        var i = 0
        while i < input.count {
            let byte = input[i]
            switch byte {
            case 0xFF: reads.append(.timeout)
            case 0xFE: reads.append(.key)
            case 0xF0...0xFD where i + 2 < input.count:
                // A wide code: C1 controls, Thai, anything up to U+FFFF and beyond.
                reads.append(.code(UInt32(byte & 0x0F) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])))
                i += 2
            default: reads.append(.code(UInt32(byte)))
            }
            i += 1
        }
        var replay: [UInt32] = []
        var steps = 0
        var events: [InputEvent?] = []
        var next = reads.startIndex
        func read() -> Read? {
            guard next < reads.endIndex else { return nil }
            defer { next += 1 }
            return reads[next]
        }
        while !replay.isEmpty || next < reads.endIndex {
            let code: UInt32
            if !replay.isEmpty {
                code = replay.removeFirst()
            } else {
                switch read() {
                case .code(let c)?: code = c
                case .key?, .timeout?, nil: continue
                }
            }
            guard code == 0x1B else {
                events.append(KeyEvent.fromCharacterCode(code).map(InputEvent.key))
                continue
            }
            var parser = EscapeSequenceParser()
            while true {
                steps += 1
                Fuzz.check(steps <= 4 * reads.count + 8, "input not used up after \(steps) steps (\(reads.count) reads)")
                let step: EscapeSequenceParser.Step
                if !replay.isEmpty {
                    step = parser.feed(replay.removeFirst())
                } else {
                    switch read() {
                    case .code(let c)?: step = parser.feed(c)
                    case .key?, .timeout?, nil: step = parser.timedOut()
                    }
                }
                if case .done(let event, let again) = step {
                    Fuzz.check(again.count <= parser.codes.count, "replays \(again.count) codes after \(parser.codes.count)")
                    replay.insert(contentsOf: again, at: 0)
                    events.append(event)
                    break
                }
            }
        }
        for event in events {
            switch event {
            case .mouse(let mouse)?: Fuzz.check(mouse.x >= 0 && mouse.y >= 0, "mouse at \(mouse)")
            case .key(.function(let n))?: Fuzz.check((1...12).contains(n), "F\(n)")
            case .key(let key)?: Fuzz.check(!key.label().isEmpty, "a key without a label")
            case nil: break
            }
        }
        let name = String(decoding: input, as: UTF8.self)
        if let key = KeyEvent(parsing: name), case .function(let n) = key {
            Fuzz.check((1...24).contains(n), "key name \(name.debugDescription) read as F\(n)")
        }
    }
}

Fuzz.run(KeysFuzz.run)
