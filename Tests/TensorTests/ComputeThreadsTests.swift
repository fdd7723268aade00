import Foundation
import Tensor
import XCTest

final class ComputeThreadsTests: XCTestCase {
    func testBackgroundValueIsTheWorksResultOnceItIsDone() throws {
        let started = Background { () -> Int in
            Thread.sleep(forTimeInterval: 0.05)
            return (1...100).reduce(0, +)
        }
        XCTAssertEqual(try started.value, 5050)
        XCTAssertEqual(try started.value, 5050, "asked again, the same value")
    }

    func testAnErrorOfTheWorkIsThrownByValue() {
        struct Failed: Error, Equatable {}
        let started = Background { () throws -> Int in throw Failed() }
        XCTAssertThrowsError(try started.value) { XCTAssertEqual($0 as? Failed, Failed()) }
    }

    /// A Background started by work that already runs on a worker is computed where it is
    /// asked for: a worker waiting for its own queue would wait for ever.
    func testBackgroundInsideBackgroundDoesNotWaitForItself() throws {
        let outer = Background { () throws -> Int in
            let inner = Background { 41 }
            return try inner.value + 1
        }
        XCTAssertEqual(try outer.value, 42)
    }

    /// Tasks given to one worker run in the order they were given.
    func testBackgroundsRunInOrder() throws {
        let log = OrderLog()
        let tasks = (0..<40).map { i in Background { log.append(i) } }
        for task in tasks { try task.value }
        XCTAssertEqual(log.entries, Array(0..<40))
    }

    /// Split across the threads, every part of a loop runs exactly once: the calling thread
    /// claims parts from the first up and the workers from the last down until they meet.
    func testEveryPartRunsOnce() throws {
        let cores = ComputeThreads.count
        defer { try? ComputeThreads.set(cores) }
        for threads in Set([1, ComputeThreads.available]) {
            try ComputeThreads.set(threads)
            for parts in [1, 2, 3, 8, 1001] {
                let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
                defer { runs.deallocate() }
                runs.initialize(repeating: 0)
                ComputeThreads.forEachPart(parts) { part in
                    if part % 7 == 0 { Thread.sleep(forTimeInterval: 0.0001) }   // uneven parts
                    runs[part] += 1
                }
                XCTAssertEqual(Array(runs), Array(repeating: 1, count: parts), "\(parts) parts on \(threads) thread(s)")
            }
        }
    }

    /// y += a·x, split across the workers in stretches while training on sparse batches
    /// (the SGD update of a large layer) and left to OpenBLAS otherwise, gives every element
    /// its own sum, on any number of threads.
    func testLargeInPlaceUpdateMatchesElementByElement() throws {
        let n = 100_003   // four stretches of 2¹⁵ and an odd remainder
        let x = (0..<n).map { Float(($0 * 7919) % 1000) / 1000 - 0.5 }
        let y0 = (0..<n).map { Float(($0 * 104_729) % 997) / 997 }
        let expected = zip(y0, x).map { Double($0) + Double(Float(-0.1)) * Double($1) }
        let cores = ComputeThreads.count
        defer { try? ComputeThreads.set(cores) }
        for threads in Set([1, ComputeThreads.available]) {
            try ComputeThreads.set(threads)
            for blasOnOneThread in [false, true] {
                var y = Tensor(shape: [n], floats: y0)
                let update = { try y.addScaled(Tensor(shape: [n], floats: x), -0.1) }
                try blasOnOneThread ? ComputeThreads.withBLASOnOneThread(update) : update()
                let worst = zip(y.floats, expected).map { abs(Double($0) - $1) }.max()!
                XCTAssertLessThan(worst, 1e-6, "\(threads) thread(s), OpenBLAS on one thread: \(blasOnOneThread)")
            }
        }
    }

    /// Training keeps OpenBLAS on one thread while it runs on sparse batches, and gives the
    /// number back afterwards: `threads()` answers the same before, during and after.
    func testBLASOnOneThreadKeepsTheCount() throws {
        let before = ComputeThreads.count
        let during = ComputeThreads.withBLASOnOneThread { ComputeThreads.count }
        XCTAssertEqual(during, before)
        XCTAssertEqual(ComputeThreads.count, before)
    }
}

/// Integers appended from worker threads, one at a time.
private final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func append(_ i: Int) { lock.withLock { stored.append(i) } }
    var entries: [Int] { lock.withLock { stored } }
}
