import BeatCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Written by the SIGINT handler, read by the watcher thread: a signal handler
// may only store to a sig_atomic_t, so nothing else happens inside it.
nonisolated(unsafe) private var pendingInterrupts: sig_atomic_t = 0

/// Turns Ctrl-C into "cancel the running command" in the interactive shell:
/// the signal handler only records the keypress; a watcher thread then sets
/// the session's cancellation flag and interrupts SQLite, which stops the
/// running statement with SQLITE_INTERRUPT. The shell itself keeps running.
public final class InterruptWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var target: (CancellationFlag, InterruptTarget)?
    private var thread: Thread?

    public init() {}

    /// Installs the SIGINT handler (without SA_RESTART, so a read at the
    /// prompt returns with EINTR) and starts watching.
    public func start() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in pendingInterrupts = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in pendingInterrupts = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started Beat with SIGINT blocked (the mask is
        // inherited across exec); the shell needs it, so unblock it here,
        // before the other threads start and inherit this thread's mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        let thread = Thread { [weak self] in
            while let self {
                if pendingInterrupts != 0 { self.deliver() }
                usleep(20_000)
            }
        }
        thread.start()
        self.thread = thread
    }

    /// While `body` runs, Ctrl-C cancels it through `flag` and `interrupt`.
    public func whileRunning<T>(_ flag: CancellationFlag, _ interrupt: InterruptTarget, _ body: () throws -> T) rethrows -> T {
        pendingInterrupts = 0
        lock.lock()
        target = (flag, interrupt)
        lock.unlock()
        defer {
            lock.lock()
            target = nil
            lock.unlock()
            pendingInterrupts = 0
        }
        return try body()
    }

    /// True (once) when Ctrl-C was pressed while no command was running.
    public func takeInterruptAtPrompt() -> Bool {
        guard pendingInterrupts != 0 else { return false }
        pendingInterrupts = 0
        return true
    }

    private func deliver() {
        lock.lock()
        defer { lock.unlock() }
        guard let (flag, interrupt) = target else { return }
        pendingInterrupts = 0
        flag.set()
        interrupt.interrupt()
    }
}

/// The connection a Ctrl-C should interrupt, once the session has opened one.
public final class InterruptTarget: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: CorpusInterrupter?

    public init() {}

    func set(_ handle: CorpusInterrupter) {
        lock.lock()
        self.handle = handle
        lock.unlock()
    }

    func interrupt() {
        lock.lock()
        let handle = self.handle
        lock.unlock()
        handle?.interrupt()
    }
}
