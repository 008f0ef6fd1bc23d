import Foundation
import Testing

@testable import BeatCore

/// The channel between a reader thread and the writer bounds the events in
/// flight, received or not, until the writer releases them: that is what lets
/// the reader parse a whole batch while the writer writes one, within a bound.
@Suite struct EventChannelTests {
    static func events(_ count: Int) -> [ReadEvent] {
        (0..<count).map { .problem(ImportProblem(path: "x", location: "line \($0 + 1)", reason: "test")) }
    }

    /// Sends `batch` on a thread of its own; the semaphore is signalled once the send returns.
    static func sendInBackground(_ channel: EventChannel, _ batch: [ReadEvent]) -> DispatchSemaphore {
        let sent = DispatchSemaphore(value: 0)
        Thread {
            channel.send(batch)
            sent.signal()
        }.start()
        return sent
    }

    @Test func receivingDoesNotMakeRoomReleasingDoes() throws {
        let channel = EventChannel(capacity: 200)
        channel.send(Self.events(100))
        channel.send(Self.events(100))
        let third = Self.sendInBackground(channel, Self.events(100))
        #expect(third.wait(timeout: .now() + 0.2) == .timedOut)
        // Both batches received: the writer holds them until written, so still no room.
        #expect(try channel.receive()?.count == 100)
        #expect(try channel.receive()?.count == 100)
        #expect(third.wait(timeout: .now() + 0.2) == .timedOut)
        channel.release(50)
        #expect(third.wait(timeout: .now() + 0.2) == .timedOut)
        channel.release(50)
        #expect(third.wait(timeout: .now() + 10) == .success)
        #expect(try channel.receive()?.count == 100)
    }

    @Test func aBatchLargerThanTheCapacityPassesWhenNothingIsInFlight() throws {
        let channel = EventChannel(capacity: 10)
        let large = Self.sendInBackground(channel, Self.events(50))
        #expect(large.wait(timeout: .now() + 10) == .success)
        let next = Self.sendInBackground(channel, Self.events(1))
        #expect(try channel.receive()?.count == 50)
        #expect(next.wait(timeout: .now() + 0.2) == .timedOut)
        channel.release(50)
        #expect(next.wait(timeout: .now() + 10) == .success)
        channel.finish(error: nil)
        #expect(try channel.receive()?.count == 1)
        #expect(try channel.receive() == nil)
    }

    @Test func closingLetsAWaitingReaderGo() {
        let channel = EventChannel(capacity: 10)
        channel.send(Self.events(10))
        let blocked = Self.sendInBackground(channel, Self.events(10))
        #expect(blocked.wait(timeout: .now() + 0.2) == .timedOut)
        channel.close()
        #expect(blocked.wait(timeout: .now() + 10) == .success)
        #expect(channel.isClosed)
    }
}
