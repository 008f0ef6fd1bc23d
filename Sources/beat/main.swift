import BeatCore
import BeatShell

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A closed pipe (`beat … | head`) must end output quietly, not kill the process.
signal(SIGPIPE, SIG_IGN)

let invocation: Invocation
do {
    invocation = try Invocation(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    OutputChannel.standardError().line("beat: \(error)\nTry 'beat --help'.")
    exit(2)
}
exit(invocation.run())
