/// English words that carry grammar rather than content: a near match resting only on them says
/// nothing about where a quotation came from.
enum FunctionWords {
    static func contains(_ folded: String) -> Bool { words.contains(folded) }

    private static let words: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "as", "into", "about", "than", "that", "this", "these", "those", "there", "here", "it", "its", "is",
        "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would",
        "can", "could", "should", "may", "might", "must", "i", "me", "my", "we", "us", "our", "you", "your", "he",
        "him", "his", "she", "her", "they", "them", "their", "what", "which", "who", "whom", "when", "where", "why",
        "how", "all", "any", "some", "just", "not", "no", "very", "too", "also", "up", "out", "s", "t", "m", "re",
        "ve", "ll", "d", "please", "get", "got",
    ]
}
