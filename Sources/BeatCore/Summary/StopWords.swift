/// Function words that say nothing about what a beat is about, left out of
/// distinctive terms and of sentence similarity. Lower case, without accents
/// and apostrophes, as the index's tokenizer leaves them (`don't` is the two
/// tokens `don` and `t`).
enum StopWords {
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "cannot", "could", "couldn", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each",
        "even", "ever", "few", "for", "from", "further", "get", "gets", "got", "had", "hadn", "has", "hasn", "have",
        "haven", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i",
        "if", "in", "into", "is", "isn", "it", "its", "itself", "just", "let", "ll", "like", "may", "me", "might",
        "more", "most", "much", "must", "mustn", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per",
        "quite", "rather", "re", "really", "same", "say", "says", "said", "she", "should", "shouldn", "since", "so",
        "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "thing", "things", "this", "those", "though", "through", "to", "too", "under", "until",
        "up", "upon", "us", "ve", "very", "via", "was", "wasn", "way", "we", "well", "were", "weren", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "won", "would", "wouldn", "yet", "you", "your", "yours", "yourself", "yourselves", "d",
        "s", "t", "m", "yes", "yeah", "ok", "okay", "lot", "lots", "many", "every", "anything", "something",
        "nothing", "everything", "someone", "anyone", "everyone", "make", "makes", "made", "go", "going", "goes",
        "know", "think", "see", "want", "use", "used", "using", "new", "good", "people", "time", "year", "years",
        "day", "days", "first", "last", "two", "three", "back", "around", "already", "never", "always", "actually",
        "maybe", "probably", "sure", "pretty", "enough", "need", "needs", "look", "looks", "seems", "seem", "come",
        "take", "right", "thanks", "http", "https", "www", "com", "amp",
    ]
}
