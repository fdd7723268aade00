/// The grid cells on the straight line from `start` to `end`, both included
/// (Bresenham's algorithm: integer steps along the longer axis, with the
/// accumulated error deciding when to step along the shorter one).
func linePoints(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) -> [(x: Int, y: Int)] {
    let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
    let stepX = start.x < end.x ? 1 : -1, stepY = start.y < end.y ? 1 : -1
    var (x, y) = start
    var error = dx + dy
    var points: [(x: Int, y: Int)] = []
    while true {
        points.append((x, y))
        if x == end.x && y == end.y { return points }
        let doubled = 2 * error
        if doubled >= dy { error += dy; x += stepX }
        if doubled <= dx { error += dx; y += stepY }
    }
}
