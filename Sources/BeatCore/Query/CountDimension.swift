/// What `count --by` groups by.
public enum CountDimension: String, CaseIterable, Sendable {
    case source, venue, author, day, week, month
}
