import CareerImport
import Foundation

/// Parses and checks a CSV file's chunks on worker threads while the importer writes earlier rows,
/// handing the results back in file order.
///
/// CSV parsing and the per-row checks against the catalog are most of an import's work and need no
/// shared state, so they run on every core; the importer's own thread keeps what depends on earlier
/// rows (duplicates, known people) and the SQLite writes. At most `maxAhead` chunks are in flight or
/// waiting, which keeps memory flat.
final class ChunkPipeline<Output>: @unchecked Sendable {
    private let reader: CSVChunkReader
    private let work: (CSVChunk) -> Output
    private let condition = NSCondition()
    private var results: [Int: Output] = [:]
    private var issued = 0
    private var consumed = 0
    private var exhausted = false
    private var cancelled = false
    private var running = 0
    private let maxAhead: Int

    init(_ reader: CSVChunkReader, workers: Int, work: @escaping (CSVChunk) -> Output) {
        self.reader = reader
        self.work = work
        maxAhead = workers + 2
        running = workers
        for index in 0..<workers {
            let thread = Thread { [self] in produce() }
            thread.name = "csv-\(index)"
            thread.start()
        }
    }

    private func produce() {
        condition.lock()
        while !cancelled {
            if issued - consumed >= maxAhead { condition.wait(); continue }
            guard !exhausted, let chunk = reader.nextChunk() else { exhausted = true; condition.broadcast(); break }
            let sequence = issued
            issued += 1
            condition.unlock()
            let output = work(chunk)
            condition.lock()
            results[sequence] = output
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk's result in file order, or nil after the last one.
    func next() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while results[consumed] == nil && !(exhausted && consumed >= issued) { condition.wait() }
        guard let output = results.removeValue(forKey: consumed) else { return nil }
        consumed += 1
        condition.broadcast()
        return output
    }

    /// Stops the workers (after bad bytes, or when the importer has seen enough errors) and waits for them,
    /// so the file is not read after this returns.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
