import Foundation

/// What a format reader produces, in input order.
enum ReadEvent: Sendable {
    case record(IncomingPost)
    case problem(ImportProblem)
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
    private static let batchSize = 256

    init(path: String, options: ImportOptions, channel: EventChannel) {
        self.path = path
        self.options = options
        self.channel = channel
        batch.reserveCapacity(Self.batchSize)
    }

    /// The platform given by `--source`, for formats that do not carry one.
    public var defaultSource: String? { options.source.map { SourceKind(name: $0)?.rawValue ?? $0 } }
    /// The venue given by `--venue`, for formats that do not carry one.
    public var defaultVenue: String? { options.venue }

    /// True once the writer has stopped (cancelled, or failed): readers may stop early.
    public var isCancelled: Bool { channel.isClosed }

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
        send(.record(IncomingPost(record: record, print: options.fingerprints ? SpreadPrint(record) : nil)))
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
final class EventChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[ReadEvent]] = []
    private var finished = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int = 16) { self.capacity = capacity }

    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// Queues a batch, waiting while the queue is full. Dropped once closed.
    func send(_ batch: [ReadEvent]) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !closed { condition.wait() }
        guard !closed else { return }
        queue.append(batch)
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
    /// - Throws: the reader's error, after every batch sent before it.
    func receive() throws -> [ReadEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            condition.broadcast()
            return queue.removeFirst()
        }
        if let failure { throw failure }
        return nil
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
