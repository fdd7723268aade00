import ChildProcesses
import XCTest

/// What the other files see of an exercise file decides whether an edit compiles that file
/// alone: an edit inside a function body must leave it unchanged, and every other edit,
/// and any file whose bodies cannot be told apart for certain, must change it.
final class SourceDeclarationsTests: XCTestCase {
    private let file = """
        import Tensor

        /// The doc comment stays.
        public func relu(_ x: Tensor) throws -> Tensor {
            // START CODE HERE
            let zero = Tensor(scalar: 0)
            if x.ndim > 1 { _ = x.shape }
            return try Tensor.binary(.maximum, x, zero)
            // END CODE HERE
        }

        public func linearBackward(_ dOut: Tensor, x: Tensor,
                                   W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor) {
            throw ExerciseError.notImplemented("linearBackward")
        }
        """

    private func declarations(_ text: String) -> String { SourceDeclarations(source: text).text }

    func testTheBodiesAreLeftOutAndEverythingElseKept() {
        XCTAssertEqual(declarations(file), """
            import Tensor

            /// The doc comment stays.
            public func relu(_ x: Tensor) throws -> Tensor {
            }

            public func linearBackward(_ dOut: Tensor, x: Tensor,
                                       W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor) {
            }
            """)
    }

    func testAnEditInsideABodyLeavesTheDeclarationsAsTheyWere() {
        let edited = file.replacingOccurrences(of: "let zero = Tensor(scalar: 0)", with: "let zero = Tensor(scalar: 0.0)")
            .replacingOccurrences(of: "    throw ExerciseError.notImplemented(\"linearBackward\")", with: "    return (dOut, dOut, dOut)")
        XCTAssertNotEqual(edited, file)
        XCTAssertEqual(declarations(edited), declarations(file))
    }

    func testEveryOtherEditChangesThem() {
        let edits = [
            ("public func relu(_ x: Tensor) throws -> Tensor {", "public func relu(_ x: Tensor, slope: Double = 0) throws -> Tensor {"),
            ("/// The doc comment stays.", "func helper() -> Int {\n    1\n}\n\n/// The doc comment stays."),
            ("import Tensor", "import Tensor\n\nstruct Pair {\n    var a: Int\n}"),
            ("import Tensor", "import Tensor\nlet scale = 2.0"),
        ]
        for (old, new) in edits {
            XCTAssertNotEqual(declarations(file.replacingOccurrences(of: old, with: new)), declarations(file), new)
        }
    }

    /// Where a body's end is not certain, nothing is left out: a body closed by an indented
    /// brace, a brace in a comment, a one-line function, a result type that depends on the body.
    func testBodiesThatCannotBeToldApartForCertainAreKept() {
        let indentedClose = file.replacingOccurrences(of: "    // END CODE HERE\n}", with: "    // END CODE HERE\n  }\n}")
        XCTAssertEqual(declarations(indentedClose), indentedClose)
        let braceInComment = file.replacingOccurrences(of: "// START CODE HERE", with: "// START CODE HERE {")
        XCTAssertEqual(declarations(braceInComment), braceInComment)
        let oneLine = "func twice(_ a: Int) -> Int { 2 * a }\n"
        XCTAssertEqual(declarations(oneLine), oneLine)
        let opaque = "func numbers() -> some Sequence {\n    [1, 2]\n}\n"
        XCTAssertEqual(declarations(opaque), opaque)
    }
}
