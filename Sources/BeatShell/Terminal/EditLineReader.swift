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
    /// Tab completion; nil leaves Tab to libedit's default.
    private let completer: Completer?

    /// Opens libedit on the terminal; nil when it cannot be set up.
    public init?(programName: String, historyPath: String?, completer: Completer? = nil) {
        guard let el = beat_el_init_stdio(programName) else { return nil }
        guard let h = history_init() else {
            el_end(el)
            return nil
        }
        editLine = el
        history = h
        self.historyPath = historyPath
        self.completer = completer
        _ = beat_history_set_size(h, &event, 5000)
        _ = beat_history_set_unique(h, &event, 1)
        _ = beat_el_set_editor(el, "emacs")
        _ = beat_el_set_history(el, h)
        _ = beat_el_set_prompt(el) { _ in EditLineReader.currentPrompt.withUnsafeMutableBufferPointer { $0.baseAddress } }
        // Ctrl-R searches history backwards whatever the user's .editrc says.
        _ = beat_el_bind(el, "^R", "em-inc-search-prev")
        // Ctrl-L clears the screen and redraws the prompt and the line, as in psql and sqlite3.
        _ = beat_el_bind(el, "^L", "ed-clear-screen")
        el_source(el, nil)
        if completer != nil {
            // The reader outlives libedit (deinit ends it), so an unretained pointer is safe.
            _ = beat_el_set_client_data(el, Unmanaged.passUnretained(self).toOpaque())
            _ = beat_el_add_function(el, "beat-complete", "complete the word before the cursor") { el, _ in
                guard let el, let data = beat_el_get_client_data(el) else { return UInt8(CC_ERROR) }
                return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete(el)
            }
            _ = beat_el_bind(el, "^I", "beat-complete")
        }
        if let historyPath {
            _ = beat_history_load(h, &event, historyPath)
            replaceHistory(with: EditLineReader.withoutRepeats(entries()))
        }
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
        guard !entry.trimmingSpacesAndTabs.isEmpty else { return }
        // libedit's "unique" only drops a repeat of the entry just before; an entry typed
        // again anywhere moves to the end instead of being kept twice.
        let earlier = entries()
        if earlier.contains(where: { EditLineReader.sameEntry($0, entry) }) {
            replaceHistory(with: earlier.filter { !EditLineReader.sameEntry($0, entry) })
        }
        _ = beat_history_enter(history, &event, entry)
        if let historyPath { _ = beat_history_save(history, &event, historyPath) }
    }

    /// Every history entry, oldest first (multi-line entries stay one entry).
    public func entries() -> [String] {
        var result: [String] = []
        var step = beat_history_last(history, &event)
        while step == 0, let text = event.str {
            result.append(String(cString: text))
            step = beat_history_prev(history, &event)
        }
        return result
    }

    /// The history cleared and filled with `entries`, oldest first.
    private func replaceHistory(with entries: [String]) {
        _ = beat_history_clear(history, &event)
        for entry in entries { _ = beat_history_enter(history, &event, entry) }
    }

    /// Two history entries are the same command when they differ only in a final line break.
    static func sameEntry(_ a: String, _ b: String) -> Bool {
        func trimmed(_ s: String) -> Substring { s.hasSuffix("\n") ? s.dropLast() : Substring(s) }
        return trimmed(a) == trimmed(b)
    }

    /// `entries` with each command kept only at its latest place.
    static func withoutRepeats(_ entries: [String]) -> [String] {
        var seen = Set<Substring>()
        var kept: [String] = []
        for entry in entries.reversed() {
            let key = entry.hasSuffix("\n") ? entry.dropLast() : Substring(entry)
            if seen.insert(key).inserted { kept.append(entry) }
        }
        return kept.reversed()
    }

    /// Tab: inserts what all candidates share; one candidate gets a space after
    /// it (unless it ends in `:` or `/`); several are listed below the prompt.
    private func complete(_ el: OpaquePointer) -> UInt8 {
        guard let completer, let info = el_line(el) else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(info.pointee.buffer)!
        let count = UnsafeRawPointer(info.pointee.cursor)! - start
        let line = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
        let completion = completer.complete(line)
        guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        var insert = completion.commonPrefix
        if completion.candidates.count == 1, !(insert.hasSuffix(":") || insert.hasSuffix("/")) { insert += " " }
        if insert != completion.word && insert.count >= completion.word.count {
            if insert.hasPrefix(completion.word) {
                _ = el_insertstr(el, String(insert.dropFirst(completion.word.count)))
            } else {
                el_deletestr(el, Int32(completion.word.unicodeScalars.count))
                _ = el_insertstr(el, insert)
            }
        }
        if completion.candidates.count == 1 { return UInt8(CC_REFRESH) }
        let width = TerminalSize.columns(environment: ProcessEnvironment.current)
        let listing = EditLineReader.columns(completion.candidates, width: width)
        let bytes = Array(("\n" + listing).utf8)
        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        return UInt8(CC_REDISPLAY)
    }

    /// `items` in columns across `width`, filled down, each line ending in a newline.
    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / cell)
        let rows = (items.count + perLine - 1) / perLine
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<perLine where column * rows + row < items.count {
                let item = items[column * rows + row]
                line += item + String(repeating: " ", count: cell - item.count)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
