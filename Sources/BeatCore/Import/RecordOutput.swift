import Foundation

/// What a format reader produces, in input order.
enum ReadEvent: Sendable {
    case record(IncomingPost)
    case problem(ImportProblem)
    /// Records read and held to be sorted into time order: the writer's progress while it waits for the first.
    case sorting(records: Int)
}

/// Where a format reader sends what it reads. It fills in what the format does
/// not carry (`--source`, `--venue`), checks each record, and hands batches to
/// the writer through a bounded channel, so reading and writing overlap.
public final class RecordOutput: @unchecked Sendable {
    /// The input's name, for problems.
    public let path: String
    let options: ImportOptions
    private let channel: EventChannel
    private var batch: [ReadEvent] = []
    /// Events handed to the writer at a time.
    static let batchSize = 256
    /// Holds the records until the input is read, to send them in time order (`options.sortFolder`).
    private let sorter: TimeSorter?
    /// Why the records could not be sorted; the reader stops, and `finish` throws it.
    private var sortFailure: (any Error)?
    /// Records between two `sorting` progress events.
    static let sortingProgressEvery = 32_768

    init(path: String, options: ImportOptions, channel: EventChannel) {
        self.path = path
        self.options = options
        self.channel = channel
        sorter = options.timeOrder ? options.sortFolder.map { TimeSorter(runBytes: options.sortRunBytes, folder: $0) } : nil
        batch.reserveCapacity(Self.batchSize)
    }

    /// The platform given by `--source`, for formats that do not carry one.
    public var defaultSource: String? { options.source.map { SourceKind(name: $0)?.rawValue ?? $0 } }
    /// The venue given by `--venue`, for formats that do not carry one.
    public var defaultVenue: String? { options.venue }

    /// True once the writer has stopped (cancelled, or failed), or the records could not be
    /// sorted: readers may stop early.
    public var isCancelled: Bool { sortFailure != nil || channel.isClosed }

    /// Parses a date with `--date-format` when given, else with the built-in forms.
    func date(from value: JSONValue?) -> Int64? {
        guard let value else { return nil }
        return options.date(from: value)
    }

    /// The date a record cannot do without, or nil after rejecting the record:
    /// with `missing` when there is none, with `unreadable(value as JSON)` when
    /// it is not a date. `honouringDateFormat` applies `--date-format`, for
    /// formats whose dates are not fixed by their platform.
    func requiredDate(
        _ value: JSONValue?, at location: RecordLocation, missing: String, unreadable: (String) -> String,
        honouringDateFormat: Bool = false
    ) -> Int64? {
        guard let value, !value.isNull else {
            reject(at: location, missing)
            return nil
        }
        guard let seconds = honouringDateFormat ? date(from: value) : DateParser.seconds(from: value) else {
            reject(at: location, unreadable(JSONWriter.serialize(value)))
            return nil
        }
        return seconds
    }

    /// Sends a record to be stored, after filling in defaults and checking it.
    func emit(_ record: PostRecord, at location: RecordLocation) {
        var record = record
        if record.source.isEmpty, let source = defaultSource { record.source = source }
        if record.venue == nil || record.venue?.isEmpty == true { record.venue = defaultVenue }
        if let kind = SourceKind(name: record.source) {
            record.source = kind.rawValue
        } else {
            let names = SourceKind.allCases.map(\.rawValue)
            if record.source.isEmpty {
                reject(at: location, "no source platform; give one with --source (\(names.joined(separator: ", ")))")
            } else {
                let hint = Suggestion.closest(to: record.source, among: names).map { "did you mean '\($0)'? " } ?? ""
                reject(at: location, "unknown source '\(record.source)'; \(hint)sources are \(names.joined(separator: ", "))")
            }
            return
        }
        guard !record.sourceID.isEmpty else {
            reject(at: location, "the record has no id")
            return
        }
        if record.originLine == nil { record.originLine = location.line }
        guard let sorter else { return send(incoming(record)) }
        guard !isCancelled else { return }
        do {
            try sorter.add(record)
        } catch {
            sortFailure = error
            return
        }
        if sorter.count % Self.sortingProgressEvery == 0 {
            send(.sorting(records: sorter.count))
            flush()
        }
    }

    /// A checked record on its way to the writer, with its spread print.
    private func incoming(_ record: PostRecord) -> ReadEvent {
        .record(IncomingPost(record: record, print: options.fingerprints ? SpreadPrint(incoming: record) : nil))
    }

    /// Sends the records held for sorting, in time order, then what is buffered.
    /// - Throws: why the records could not be sorted (`ImportError.spillFailed`).
    func finish() throws {
        if let sorter, sortFailure == nil {
            do {
                try sorter.drain { record in
                    guard !channel.isClosed else { throw ImportError.cancelled }
                    send(incoming(record))
                }
            } catch ImportError.cancelled {
                // The writer stopped: nothing more is wanted.
            } catch {
                sortFailure = error
            }
        }
        flush()
        if let sortFailure { throw sortFailure }
    }

    /// Reports a record that cannot be imported; the import goes on without it.
    func reject(at location: RecordLocation, _ reason: String) {
        reject(at: location.description, reason)
    }

    func reject(at location: String, _ reason: String) {
        send(.problem(ImportProblem(path: path, location: location, reason: reason)))
    }

    private func send(_ event: ReadEvent) {
        batch.append(event)
        if batch.count >= Self.batchSize { flush() }
    }

    /// Hands what is buffered to the writer.
    func flush() {
        guard !batch.isEmpty else { return }
        channel.send(batch)
        batch.removeAll(keepingCapacity: true)
    }
}

/// A bounded queue of event batches between one reader thread and the writer.
///
/// What it bounds is the events in flight: sent and not yet released by the
/// receiver (`release`), whether still queued or already received and waiting
/// to be written. The writer releases records as it writes them, not as it
/// receives them, so the reader can parse the next batch while the writer
/// writes this one, and the records of both never exceed `capacity`.
final class EventChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[ReadEvent]] = []
    private var unreleased = 0
    private var finished = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int
    /// Events a reader may send beyond a whole writer batch before it waits. The writer never
    /// waits for records as long as a whole batch fits: it releases the last batch's records as
    /// it writes them, so the next batch is read meanwhile.
    static let readAhead = 1_024

    /// A channel holding at most `capacity` unreleased events (a batch larger than
    /// that is still let through when nothing else is in flight).
    init(capacity: Int) { self.capacity = capacity }

    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// Queues a batch, waiting while it would take the events in flight past the
    /// capacity. Dropped once closed.
    func send(_ batch: [ReadEvent]) {
        condition.lock()
        defer { condition.unlock() }
        while unreleased > 0 && unreleased + batch.count > capacity && !closed { condition.wait() }
        guard !closed else { return }
        queue.append(batch)
        unreleased += batch.count
        condition.broadcast()
    }

    /// Marks the end of input, with the reader's error if it failed.
    func finish(error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch, or nil once the reader has finished and everything was received.
    /// Its events stay in flight until released.
    /// - Throws: the reader's error, after every batch sent before it.
    func receive() throws -> [ReadEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty { return queue.removeFirst() }
        if let failure { throw failure }
        return nil
    }

    /// Makes room for `count` more events: the receiver is done with that many it received.
    func release(_ count: Int) {
        guard count > 0 else { return }
        condition.lock()
        defer { condition.unlock() }
        unreleased = max(0, unreleased - count)
        condition.broadcast()
    }

    /// Stops the reader: further sends are dropped and `isClosed` turns true.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        queue.removeAll()
        condition.broadcast()
    }
}
