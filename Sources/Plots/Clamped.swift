extension Double {
    /// This value limited to `low...high`, with NaN taken as `low`: safe to convert
    /// to `Int` afterwards, which a NaN or a huge value would not be.
    func clamped(_ low: Double, _ high: Double) -> Double {
        isNaN ? low : Swift.min(Swift.max(self, low), high)
    }
}
