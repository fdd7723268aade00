/// The candidate closest to a misspelt `name`, or nil when none is close enough
/// to be a likely typo: `rleu` → `relu`, `shpe` → `shape`.
///
/// Closeness is the edit distance (insertions, deletions, substitutions, and
/// swaps of two neighbouring letters each count 1). A candidate qualifies when
/// the distance is at most a third of the name's length (at least 1); a
/// one-letter name only matches a different letter case (`x` → `X`, never `y`).
public func closestName(to name: String, among candidates: [String]) -> String? {
    let allowed = name.count < 2 ? 0 : Swift.max(1, name.count / 3)
    var best: (name: String, distance: Int)? = nil
    for candidate in candidates.sorted() where candidate != name {
        let distance = candidate.lowercased() == name.lowercased() ? 0 : editDistance(name, candidate)
        if distance <= allowed, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.name
}

/// The optimal-string-alignment distance: Levenshtein's edits plus the swap of two adjacent characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // d[i][j] is the distance between the first i characters of a and the first j of b.
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
