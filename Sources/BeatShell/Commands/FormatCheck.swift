extension Session {
    /// The output format for a command that writes results: `html` only for the commands that
    /// write it (`OutputFormat.htmlCommands`), so a page is never half-made from a list.
    /// - Throws: `ShellError.usage` naming the commands that write html and the formats this one writes.
    public func outputFormat(for command: String) throws -> OutputFormat {
        guard format.isWritten(by: command) else {
            let others = OutputFormat.everyCommandFormats.map(\.rawValue).joined(separator: ", ")
            throw ShellError.usage(
                "\(command) does not write \(format.rawValue): only \(OutputFormat.htmlCommands.joined(separator: ", ")) does. "
                    + "Choose another format for \(command) with 'format FORMAT' or --format (\(others)).")
        }
        return format
    }
}
