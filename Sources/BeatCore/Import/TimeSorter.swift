/// Gives a reader's records back in time order (publication time, then the
/// order read), so that an import writes them where the time-ordered tables
/// end instead of all over them.
///
/// Post ids follow time (see `Schema`), so a file in random time order makes
/// every batch land on a random page of `posts` and of each index keyed by id,
/// while the same posts in time order are appended: 23 % less processor time
/// for a million generated posts. The records are held up to `runBytes`, then
/// sorted and written to a temporary file as a run; at the end the runs are
/// merged, one buffer of `mergeBuffer` bytes each. An input that fits in one run
/// never touches the disk. More than `mergeWidth` runs (an input of over about
/// seventeen million posts) are first merged `mergeWidth` at a time into a new
/// file, so that the buffers and the records at their heads do not grow with the
/// input. The temporary file takes about the input's size, next to the corpus
/// (twice that for a moment while runs are merged into a new one).
///
/// Not thread-safe: it lives on the reading thread.
final class TimeSorter {
    /// Records held before a run is written (their estimated size).
    let runBytes: Int
    /// The folder the temporary file goes in.
    let folder: String
    private var held: [PostRecord] = []
    private var heldBytes = 0
    private var spill: SpillFile?
    /// Each run's place in the spill file.
    private var runs: [(offset: Int, length: Int)] = []

    /// The read buffer of each run while merging: 8 KB, two records or so. A 10M-post file
    /// makes 290 runs, whose buffers stay in memory through the whole write (32 KB each took
    /// 9 MB of it); the system's read-ahead keeps the reads large.
    static let mergeBuffer = 8_192

    /// The most runs merged at once: 512 buffers hold 4 MB, and their head records about as much.
    /// A 10M-post file makes 290 runs.
    let mergeWidth: Int

    init(runBytes: Int = 32 << 20, mergeWidth: Int = 512, folder: String) {
        precondition(mergeWidth >= 2, "a merge takes two runs at least")
        self.runBytes = runBytes
        self.mergeWidth = mergeWidth
        self.folder = folder
    }

    /// Records added so far.
    private(set) var count = 0

    /// Takes a record; may write a run.
    func add(_ record: PostRecord) throws {
        heldBytes += Self.estimatedBytes(record)
        held.append(record)
        count += 1
        if heldBytes >= runBytes { try writeRun() }
    }

    /// Every record added, in time order, then forgets them. `body` may stop early by throwing.
    func drain(_ body: (PostRecord) throws -> Void) throws {
        if runs.isEmpty {
            for record in sortedHeld() { try body(record) }
            held = []
            return
        }
        if !held.isEmpty { try writeRun() }
        guard spill != nil else { return }
        // The runs' records were freed: their pages go back before the writer's cache takes more.
        LargeBlocks.releaseFreePages()
        try narrowRuns()
        guard let spill else { return }
        var merge = try RunMerge(spill: spill, runs: runs)
        while let record = try merge.next() { try body(record) }
        runs = []
        self.spill = nil
    }

    /// The held records sorted by time; equal times keep the order they came in.
    private func sortedHeld() -> [PostRecord] {
        let order = held.indices.sorted { (held[$0].publishedAt, $0) < (held[$1].publishedAt, $1) }
        return order.map { held[$0] }
    }

    private func writeRun() throws {
        let file = try spill ?? SpillFile(in: folder)
        spill = file
        var writer = RunWriter(file: file)
        for post in sortedHeld() { try writer.append(post) }
        runs.append(try writer.finish())
        held = []
        heldBytes = 0
    }

    /// Merges the runs `mergeWidth` at a time into a new file until there are no more than
    /// `mergeWidth`; the old file goes when its runs are read. Runs next to each other are
    /// merged, in order, so records of equal times keep the order they came in.
    private func narrowRuns() throws {
        while runs.count > mergeWidth, let source = spill {
            let target = try SpillFile(in: folder)
            var merged: [(offset: Int, length: Int)] = []
            for first in stride(from: 0, to: runs.count, by: mergeWidth) {
                var merge = try RunMerge(spill: source, runs: Array(runs[first..<min(first + mergeWidth, runs.count)]))
                var writer = RunWriter(file: target)
                while let record = try merge.next() { try writer.append(record) }
                merged.append(try writer.finish())
            }
            runs = merged
            spill = target
        }
    }

    /// About what a record takes in memory: its text and a little for each field.
    static func estimatedBytes(_ record: PostRecord) -> Int {
        256 + record.text.utf8.count + (record.title?.utf8.count ?? 0) + (record.raw?.utf8.count ?? 0)
            + (record.tags?.reduce(0) { $0 + $1.utf8.count + 16 } ?? 0)
    }
}

/// Writes one run's records at the end of a spill file, `mergeBuffer` bytes at a time.
private struct RunWriter {
    let file: SpillFile
    private let start: Int
    private var buffer: [UInt8] = []
    private var record: [UInt8] = []

    init(file: SpillFile) {
        self.file = file
        start = file.size
        buffer.reserveCapacity(TimeSorter.mergeBuffer * 2)
    }

    mutating func append(_ post: PostRecord) throws {
        record.removeAll(keepingCapacity: true)
        RecordCoding.append(post, to: &record)
        withUnsafeBytes(of: UInt32(record.count).littleEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: record)
        if buffer.count >= TimeSorter.mergeBuffer {
            try file.append(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes what is buffered; the run's place in the file.
    mutating func finish() throws -> (offset: Int, length: Int) {
        try file.append(buffer)
        buffer.removeAll()
        return (start, file.size - start)
    }
}

/// The k-way merge of sorted runs: the earliest head first, the earlier run among equal times.
private struct RunMerge {
    private var readers: [RunReader]
    /// Indexes of readers with a record, as a binary min-heap on (time, run).
    private var heap: [Int] = []

    init(spill: SpillFile, runs: [(offset: Int, length: Int)]) throws {
        readers = runs.map { RunReader(spill: spill, offset: $0.offset, end: $0.offset + $0.length) }
        for index in readers.indices where try readers[index].advance() { push(index) }
    }

    mutating func next() throws -> PostRecord? {
        guard let top = heap.first, let record = readers[top].current else { return nil }
        // Replace the top with the same run's next record, or take the run out.
        if try readers[top].advance() {
            siftDown(0)
        } else {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            if !heap.isEmpty { siftDown(0) }
        }
        return record
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        (readers[a].current?.publishedAt ?? .max, a) < (readers[b].current?.publishedAt ?? .max, b)
    }

    private mutating func push(_ index: Int) {
        heap.append(index)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count && precedes(heap[left], heap[first]) { first = left }
            if right < heap.count && precedes(heap[right], heap[first]) { first = right }
            guard first != parent else { return }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}

/// Reads one run's records in order through a small buffer.
private struct RunReader {
    let spill: SpillFile
    /// The file offset of the next byte not yet in the buffer, and the run's end.
    private var offset: Int
    private let end: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// The record read last.
    private(set) var current: PostRecord?

    init(spill: SpillFile, offset: Int, end: Int) {
        self.spill = spill
        self.offset = offset
        self.end = end
    }

    /// Reads the next record into `current`; false at the run's end.
    mutating func advance() throws -> Bool {
        current = nil
        guard try fill(4) else { return false }
        let length = Int(buffer.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt32.self)) })
        position += 4
        guard try fill(length) else { throw ImportError.spillFailed(folder: spill.folder, reason: "a run ended inside a record") }
        current = buffer.withUnsafeBytes { RecordCoding.decode(UnsafeRawBufferPointer(rebasing: $0[position..<position + length])) }
        guard current != nil else { throw ImportError.spillFailed(folder: spill.folder, reason: "a record could not be read back") }
        position += length
        return true
    }

    /// Makes `count` unread bytes available from `position`; false when the run has fewer left.
    private mutating func fill(_ count: Int) throws -> Bool {
        let unread = buffer.count - position
        if unread >= count { return true }
        let wanted = min(end - offset, max(count - unread, TimeSorter.mergeBuffer))
        guard unread + wanted >= count else { return false }
        var next = [UInt8](repeating: 0, count: unread + wanted)
        next.withUnsafeMutableBytes { target in
            buffer.withUnsafeBytes { source in
                if unread > 0 { target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position...])) }
            }
        }
        try next.withUnsafeMutableBytes { target in
            try spill.read(at: offset, count: wanted, into: UnsafeMutableRawBufferPointer(rebasing: target[unread...]))
        }
        offset += wanted
        buffer = next
        position = 0
        return true
    }
}
