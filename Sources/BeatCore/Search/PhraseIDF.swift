import BeatSQLite
import Foundation

/// The factor bm25 gives a query of one phrase, which `beat_bm25_per_idf` leaves out
/// (see `CompiledQuery.ranksWithoutIDF`): the phrase's inverse document frequency over the
/// whole index, computed as FTS5 computes it, so that `idf * perIDF` is bm25's value to
/// the last bit.
///
/// bm25 counts the phrase's rows in the whole index once in every statement. At ten
/// million posts that count is a third of a ranked page's time, and a page ranked in two
/// halves made it twice; counted here, it is made once, split between the halves.
enum PhraseIDF {
    /// `log((rows - matches + 0.5) / (matches + 0.5))`, or 1e-6 when that is not positive
    /// (a phrase in over half the rows), as FTS5's bm25 has it.
    static func idf(rows: Int64, matches: Int64) -> Double {
        let idf = log((Double(rows - matches) + 0.5) / (Double(matches) + 0.5))
        return idf > 0 ? idf : 1e-6
    }

    /// The rows of the whole index (whatever the query's filters) matching `match` with an
    /// id in `ids`: the phrase's rows, as bm25 counts them, in that stretch.
    static func matches(of match: String, inIDs ids: ClosedRange<Int64>, on connection: Connection) throws -> Int64 {
        try connection.scalar(
            "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?1 AND rowid >= ?2 AND rowid <= ?3",
            [.text(match), .integer(ids.lowerBound), .integer(ids.upperBound)]
        )?.int64Value ?? 0
    }

    /// `rows` with each rank multiplied by `idf`: bm25's values, in the same order.
    static func scaled(_ rows: [SearchEngine.PageRow], by idf: Double) -> [SearchEngine.PageRow] {
        rows.map { row in
            var row = row
            row.rank = row.rank.map { idf * $0 }
            return row
        }
    }
}
