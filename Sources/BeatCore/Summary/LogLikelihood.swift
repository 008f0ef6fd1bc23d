import Foundation

/// Dunning's log-likelihood ratio G2 for a term in two sets of posts.
enum LogLikelihood {
    /// G2 of the 2×2 table: `a` of `n1` posts of one side contain the term,
    /// `b` of `n2` of the other. Zero when the rates are equal; larger means
    /// the difference is less likely to be chance. Sign-free: compare the rates
    /// to know which side uses the term more.
    static func g2(_ a: Int, of n1: Int, _ b: Int, of n2: Int) -> Double {
        let total = Double(n1 + n2)
        guard n1 > 0, n2 > 0, total > 0 else { return 0 }
        let having = Double(a + b)
        let cells: [(observed: Double, expected: Double)] = [
            (Double(a), Double(n1) * having / total),
            (Double(n1 - a), Double(n1) * (total - having) / total),
            (Double(b), Double(n2) * having / total),
            (Double(n2 - b), Double(n2) * (total - having) / total),
        ]
        var sum = 0.0
        for cell in cells where cell.observed > 0 && cell.expected > 0 {
            sum += cell.observed * log(cell.observed / cell.expected)
        }
        return max(0, 2 * sum)
    }
}
