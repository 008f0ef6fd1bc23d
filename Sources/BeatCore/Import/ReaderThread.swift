import Foundation

extension FormatReader {
    /// Starts reading `input` on a thread of its own and returns the channel its
    /// records and problems arrive on, a batch at a time.
    ///
    /// This is how `beat import` runs every reader, and how the fuzz targets run
    /// them, so that what is fuzzed is the code path that ships. The caller
    /// receives until the channel gives nil (or throws the reader's error), then
    /// closes it; closing early makes the reader stop at its next record. It
    /// releases every event it received (`EventChannel.release`) once done
    /// with it: the reader waits while `options.batchSize` + `EventChannel.readAhead` are
    /// held, so that it parses a whole batch while the writer writes one.
    /// - Parameters:
    ///   - input: the opened input, read only by the new thread from now on.
    ///   - path: the input's name, for problems.
    ///   - options: the import's options (`--source`, `--venue`, `--date-format`...).
    /// - Returns: the channel to receive from.
    func startReading(_ input: InputFile, path: String, options: ImportOptions) -> EventChannel {
        let channel = EventChannel(capacity: options.batchSize + EventChannel.readAhead)
        let output = RecordOutput(path: path, options: options, channel: channel)
        let thread = Thread {
            do {
                try read(input, into: output)
                try output.finish()
                channel.finish(error: nil)
            } catch {
                // What was read before the error is still written, as it would be unsorted;
                // when the records could not be sorted, that is the error to report.
                do {
                    try output.finish()
                    channel.finish(error: error)
                } catch {
                    channel.finish(error: error)
                }
            }
        }
        // Deep JSON trees recurse: the parser's own depth limit fits in this stack,
        // not in the 512 KiB a secondary thread gets by default.
        thread.stackSize = 16 * 1_048_576
        thread.start()
        return channel
    }
}
