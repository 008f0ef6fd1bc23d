import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing at a terminal through libedit: emacs keys, Ctrl-R history
/// search, and a history file kept across sessions with duplicates dropped.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    private let historyPath: String?
    // libedit asks for the prompt through a C callback with no context
    // argument; the reader in use keeps its prompt here.
    nonisolated(unsafe) static var currentPrompt: [CChar] = Array("beat> ".utf8CString)

    /// Opens libedit on the terminal; nil when it cannot be set up.
    public init?(programName: String, historyPath: String?) {
        guard let el = beat_el_init_stdio(programName) else { return nil }
        guard let h = history_init() else {
            el_end(el)
            return nil
        }
        editLine = el
        history = h
        self.historyPath = historyPath
        _ = beat_history_set_size(h, &event, 5000)
        _ = beat_history_set_unique(h, &event, 1)
        _ = beat_el_set_editor(el, "emacs")
        _ = beat_el_set_history(el, h)
        _ = beat_el_set_prompt(el) { _ in EditLineReader.currentPrompt.withUnsafeMutableBufferPointer { $0.baseAddress } }
        // Ctrl-R searches history backwards whatever the user's .editrc says.
        _ = beat_el_bind(el, "^R", "em-inc-search-prev")
        el_source(el, nil)
        if let historyPath { _ = beat_history_load(h, &event, historyPath) }
    }

    deinit {
        history_end(history)
        el_end(editLine)
    }

    public func readLine(prompt: String) -> LineInput {
        EditLineReader.currentPrompt = Array(prompt.utf8CString)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            return count == -1 && errno == EINTR ? .interrupted : .end
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func remember(_ entry: String) {
        guard !entry.trimmedOfSpaces.isEmpty else { return }
        _ = beat_history_enter(history, &event, entry)
        if let historyPath { _ = beat_history_save(history, &event, historyPath) }
    }
}
